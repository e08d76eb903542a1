// The two desks' knowledge bases: Confluence spaces ITKB and HRKB (linked from the desks), whose
// pages are the articles JSM's knowledge-base search returns. The layer carries them as data;
// `addKnowledgeBase` writes them into the site's Confluence with ids from its counters, so the
// Jira + Confluence seed stays as it is.
import type { ConfluenceData, Content } from '../../confluence/model.js';
import { JONAS, LENA, SAM } from '../../seed/company.js';
import { DESK } from './desks.js';

const DAY = 86_400_000;

export interface KnowledgeBaseArticleSeed {
  title: string;
  labels: string[];
  /** Storage format. */
  body: string;
  authorId: string;
  createdAt: number;
}

/** A knowledge-base space: its homepage and articles. */
export interface KnowledgeBaseSpaceSeed {
  key: string;
  name: string;
  description: string;
  /** The desk it is linked to (the desk records name the space key). */
  serviceDeskId: string;
  authorId: string;
  createdAt: number;
  home: { title: string; body: string };
  articles: KnowledgeBaseArticleSeed[];
}

/** `[desk, space, title, labels, plain text]`. */
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

const SPACES: Record<string, { name: string; description: string; author: string; home: string }> = {
  ITKB: {
    name: 'IT Knowledge Base',
    description: 'How-to articles and fixes for common IT questions, shown on the IT help portal.',
    author: SAM,
    home: 'Answers to common IT questions. Search from the IT help portal before raising a request.',
  },
  HRKB: {
    name: 'HR Knowledge Base',
    description: 'Policies and how-tos of People Ops, shown on the HR portal.',
    author: LENA,
    home: 'People Ops policies and how-tos: pay, time off, expenses and onboarding.',
  },
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Plain text with blank-line separated paragraphs → storage. */
const storage = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((para) => `<p>${escape(para.trim())}</p>`)
    .join('');

export function knowledgeBaseSpaces(now: number): KnowledgeBaseSpaceSeed[] {
  return Object.entries(SPACES).map(([key, s], k) => ({
    key,
    name: s.name,
    description: s.description,
    serviceDeskId: key === 'ITKB' ? DESK.its : DESK.hr,
    authorId: s.author,
    createdAt: now - (400 - k * 20) * DAY,
    home: { title: s.name, body: storage(s.home) },
    articles: A.map(([, spaceKey, title, labels, body], i) => ({ spaceKey, title, labels, body, i }))
      .filter((a) => a.spaceKey === key)
      .map((a) => ({
        title: a.title,
        // Confluence labels are single words.
        labels: a.labels.map((l) => l.replace(/\s+/g, '-')),
        body: storage(a.body),
        authorId: key === 'HRKB' ? LENA : a.i % 2 ? JONAS : SAM,
        createdAt: now - (30 + a.i * 7) * DAY,
      })),
  }));
}

/**
 * Writes the knowledge-base spaces into Confluence data (in place): each space with its homepage
 * and one page per article, ids and labels allocated from the data's counters.
 */
export function addKnowledgeBase(data: ConfluenceData, spaces: KnowledgeBaseSpaceSeed[]): void {
  const next = (kind: string) => String(data.counters[kind]!++);
  const labelId = (name: string) => {
    let l = data.labels.find((x) => x.name === name && x.prefix === 'global');
    if (!l) data.labels.push((l = { id: next('label'), name, prefix: 'global' }));
    return l.id;
  };
  for (const s of spaces) {
    if (data.spaces.some((x) => x.key === s.key)) throw new Error(`seed: space ${s.key} exists already`);
    const spaceId = next('space');
    const page = (title: string, body: string, authorId: string, createdAt: number, parentId?: string) => {
      const c: Content = {
        id: next('content'),
        type: 'page',
        status: 'current',
        title,
        spaceId,
        ...(parentId ? { parentId } : {}),
        position: data.contents.filter((x) => x.spaceId === spaceId && x.parentId === parentId).length,
        authorId,
        ownerId: authorId,
        createdAt,
        body,
        versions: [{ number: 1, authorId, createdAt, message: '', minorEdit: false, title, body }],
        labels: [],
        properties: {},
      };
      data.contents.push(c);
      return c;
    };
    const home = page(s.home.title, s.home.body, s.authorId, s.createdAt);
    data.spaces.push({
      id: spaceId,
      key: s.key,
      name: s.name,
      type: 'knowledge_base',
      status: 'current',
      authorId: s.authorId,
      createdAt: s.createdAt,
      homepageId: home.id,
      description: s.description,
      labels: [labelId('knowledge-base')],
    });
    for (const a of s.articles) page(a.title, a.body, a.authorId, a.createdAt, home.id).labels = a.labels.map(labelId);
  }
}
