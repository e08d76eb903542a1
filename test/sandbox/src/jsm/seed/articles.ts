// Knowledge-base articles of the two desks (Confluence spaces ITKB and HRKB on a real site).
import type { KbArticle } from '../model.js';
import { DESK } from './desks.js';

const DAY = 86_400_000;

const A: Array<[string, string, string, string[], string]> = [
  [
    DESK.its,
    'ITKB',
    'Connect to the VPN from macOS or Windows',
    ['vpn', 'remote'],
    'Install the GlobalProtect client from the Self Service app (macOS) or Software Center (Windows).\n\nSign in with your Okta account. If the client says "authentication failed", remove the old VPN profile and download the current one from the IT portal.\n\nOn hotel or airport Wi-Fi, accept the captive portal first, then connect.',
  ],
  [
    DESK.its,
    'ITKB',
    'Reset your Okta password or MFA',
    ['okta', 'password', 'mfa'],
    'Use "Forgot password" on the Okta sign-in page; the reset link goes to your recovery email.\n\nLost your phone? Raise a "Reset a password" request: an agent verifies your identity on a video call, then resets MFA so you can enrol the new phone.',
  ],
  [
    DESK.its,
    'ITKB',
    'Stop Outlook asking for your password',
    ['outlook', 'email', 'password'],
    'After a password change Outlook may keep the old one. Open Windows Credential Manager, remove every entry starting with "MicrosoftOffice16", restart Outlook and sign in again.',
  ],
  [
    DESK.its,
    'ITKB',
    'Which hardware is approved?',
    ['hardware', 'laptop', 'monitor'],
    'Standard laptops: MacBook Pro 14" for engineering, ThinkPad T14 for everyone else. One external monitor and a dock per person.\n\nRequests go to your manager for approval; contractors get equipment from their agency.',
  ],
  [
    DESK.its,
    'ITKB',
    'Set up a Zoom Rooms controller',
    ['zoom', 'meeting room'],
    'Connect the controller to the room network, open Zoom Rooms and sign in with the room account shown on the label. Pair it with the room PC using the pairing code on the screen.',
  ],
  [
    DESK.its,
    'ITKB',
    'Printer shows offline: first steps',
    ['printer', 'printing'],
    'Check that the printer has paper and toner and shows no error. Remove and re-add the printer from the print server. If several people are affected, report a system problem.',
  ],
  [
    DESK.hr,
    'HRKB',
    'Change your tax class',
    ['payroll', 'tax'],
    'Upload the letter from the tax office in a payroll request. Changes received before the 10th apply to the same month; later ones to the next payroll run.',
  ],
  [
    DESK.hr,
    'HRKB',
    'How to request time off',
    ['leave', 'time off', 'holiday'],
    'Raise a "Request time off" request with the leave type and dates. Your line manager approves it; sick leave can be approved after the fact.\n\nAnnual leave: 28 days a year, up to 5 carried over.',
  ],
  [
    DESK.hr,
    'HRKB',
    'Expense reimbursement policy',
    ['expenses', 'travel', 'payroll'],
    'Submit receipts in the expense tool within 30 days. Approved expenses are paid with the next payroll run. Economy flights only; hotels up to 180 EUR a night.',
  ],
  [
    DESK.hr,
    'HRKB',
    'Where to find your payslips',
    ['payslip', 'payroll'],
    'Payslips are published in the payroll portal on the last working day of the month. New starters get access after their first payroll run.',
  ],
  [
    DESK.hr,
    'HRKB',
    'Onboarding checklist for managers',
    ['onboarding', 'new hire'],
    'Raise "Onboard a new employee" at least two weeks before the start date. IT prepares the laptop and accounts once HR approves; assign a buddy for the first month.',
  ],
];

export function articles(now: number): KbArticle[] {
  return A.map(([serviceDeskId, spaceKey, title, labels, body], i) => ({
    id: String(98300 + i + 1),
    serviceDeskId,
    spaceKey,
    title,
    body,
    labels,
    updated: now - (30 + i * 7) * DAY,
  }));
}
