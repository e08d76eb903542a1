// The 14 seeded HR requests (HR-1…14): onboarding, payroll questions and time off, with their
// approvals; dates in request fields are relative to the seed's moment.
import { DIEGO, LENA, MAYA, PRIYA, TOM } from '../../seed/company.js';
import { JSM_FIELD as F } from '../fields.js';
import { RT } from './desks.js';
import { CHRIS, ELI, FARAH } from './people.js';
import { H, opt, type RequestSpec } from './requests.js';

const day = (offsetDays: number, now: number) => new Date(now + offsetDays * 86_400_000).toISOString().slice(0, 10);

export function hrRequests(now: number): RequestSpec[] {
  return [
    {
      rt: RT.onboard,
      by: TOM,
      summary: 'Eli Brooks',
      description: 'Backend engineer joining the Platform team.',
      fields: {
        ...opt(F.department, 'Engineering'),
        [F.startDate]: day(14, now),
        [F.employeeEmail]: 'eli.brooks@nimbus-works.example',
      },
      ago: 30,
      assignee: LENA,
      participants: [ELI],
      decision: [2 * H, LENA, 'approved'],
      steps: [
        [3 * H, 'reply', LENA, 'Approved. Laptop and accounts are being prepared; Eli will get a welcome email.'],
        [3 * H + 1, 'move', LENA, '21'],
        [4 * H, 'note', LENA, 'Salary band E3 confirmed by Maya; contract countersigned.'],
      ],
    },
    {
      rt: RT.onboard,
      by: DIEGO,
      summary: 'Farah Haddad',
      description: 'Product marketing manager.',
      fields: { ...opt(F.department, 'Marketing'), [F.startDate]: day(21, now) },
      ago: 2,
      participants: [FARAH],
    },
    {
      rt: RT.onboard,
      by: PRIYA,
      summary: 'Sam Rivera',
      fields: { ...opt(F.department, 'Engineering'), [F.startDate]: day(-3, now) },
      ago: 120,
      assignee: LENA,
      decision: [H, LENA, 'approved'],
      steps: [
        [2 * H, 'move', LENA, '21'],
        [50 * H, 'reply', LENA, 'All set: accounts, laptop and a buddy (Priya).'],
        [50 * H + 1, 'move', LENA, '51'],
      ],
    },
    {
      rt: RT.payroll,
      by: ELI,
      summary: 'Payslip for October is missing',
      description: 'I cannot find my October payslip in the portal.',
      ago: 5,
      orgs: [],
    },
    {
      rt: RT.payroll,
      by: PRIYA,
      summary: 'Tax class change after marriage',
      description: 'My tax class changes from 1 to 4 from next month.',
      ago: 48,
      assignee: LENA,
      steps: [
        [3 * H, 'reply', LENA, 'Congratulations! Please upload the letter from the tax office.'],
        [3 * H + 1, 'move', LENA, '11'],
        [3 * H + 5, 'note', LENA, 'Check with the payroll provider whether the change applies retroactively.'],
      ],
    },
    {
      rt: RT.payroll,
      by: TOM,
      summary: 'Expense reimbursement for conference travel',
      description: 'KubeCon flights and hotel, receipts attached in the expense tool.',
      ago: 80,
      assignee: LENA,
      feedback: [5],
      steps: [
        [H, 'reply', LENA, 'Thanks, approved in the expense tool; it will be paid with the next payroll run.'],
        [20 * H, 'move', LENA, '51'],
      ],
    },
    {
      rt: RT.payroll,
      by: FARAH,
      summary: 'Wrong bank account on file',
      description: 'The IBAN ending 4411 is old; the new one ends 9032.',
      ago: 26,
      assignee: LENA,
      orgs: [],
      steps: [
        [2 * H, 'reply', LENA, 'Thanks Farah, we are updating it before the next payroll run.'],
        [2 * H + 1, 'move', LENA, '21'],
        [
          2 * H + 10,
          'note',
          LENA,
          'Verified identity by phone; updating the IBAN in the payroll system. Do not share the old IBAN.',
        ],
      ],
    },
    {
      rt: RT.timeOff,
      by: DIEGO,
      summary: 'Annual leave over Christmas',
      fields: { ...opt(F.leaveType, 'Annual leave'), [F.startDate]: day(49, now), duedate: day(52, now) },
      ago: 6,
    },
    {
      rt: RT.timeOff,
      by: TOM,
      summary: 'Parental leave from January',
      fields: { ...opt(F.leaveType, 'Parental leave'), [F.startDate]: day(60, now), duedate: day(150, now) },
      ago: 100,
      assignee: LENA,
      decision: [5 * H, MAYA, 'approved'],
      steps: [
        [8 * H, 'reply', LENA, 'Approved and recorded. Congratulations, Tom!'],
        [8 * H + 1, 'move', LENA, '51'],
      ],
    },
    {
      rt: RT.timeOff,
      by: PRIYA,
      summary: 'Sick leave on Monday',
      fields: { ...opt(F.leaveType, 'Sick leave'), [F.startDate]: day(-1, now), duedate: day(-1, now) },
      ago: 26,
      assignee: LENA,
      decision: [H, MAYA, 'approved'],
      steps: [
        [2 * H, 'reply', LENA, 'Get well soon!'],
        [2 * H + 1, 'move', LENA, '51'],
      ],
    },
    {
      rt: RT.timeOff,
      by: DIEGO,
      summary: 'Unpaid leave for a sabbatical',
      fields: { ...opt(F.leaveType, 'Unpaid leave'), [F.startDate]: day(90, now), duedate: day(180, now) },
      ago: 60,
      decision: [10 * H, LENA, 'declined'],
      steps: [[10 * H + 1, 'reply', LENA, "Let's talk about the options first; I have booked a meeting."]],
    },
    {
      rt: RT.payroll,
      by: FARAH,
      summary: 'When is the bonus paid out?',
      description: 'Is the signing bonus paid with the first salary?',
      ago: 190,
      assignee: LENA,
      feedback: [4],
      steps: [
        [4 * H, 'reply', LENA, 'Yes, with your first salary at the end of the month.'],
        [4 * H + 1, 'move', LENA, '51'],
      ],
    },
    { rt: RT.payroll, by: ELI, summary: 'Pension scheme opt-out form', ago: 1 },
    {
      rt: RT.onboard,
      by: MAYA,
      summary: 'Chris Doyle (contractor to employee)',
      description: 'Chris converts from contractor to employee next month.',
      fields: { ...opt(F.department, 'Engineering'), [F.startDate]: day(30, now) },
      ago: 12,
      participants: [CHRIS],
    },
  ];
}
