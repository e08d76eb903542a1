// The seeded Assets objects: eight laptops, six servers and six business services.
import { DIEGO, JONAS, LENA, MAYA, PRIYA, SAM, TOM } from '../seed/company.js';

export const ASSET_TYPE = { laptop: '1', server: '2', service: '3' } as const;
export const STATUS = { inUse: '1', inStock: '2', retired: '3', running: '4', degraded: '5' } as const;

/** Objects: [type, name, {attribute name: values}]. References name other objects by label. */
export const OBJECTS: Array<[string, string, Record<string, string[]>]> = [
  [
    ASSET_TYPE.laptop,
    'MBP-14 Priya',
    {
      'Serial number': ['C02FX1LQMD6T'],
      Model: ['MacBook Pro 14" M3'],
      'Operating system': ['macOS'],
      Status: [STATUS.inUse],
      'Assigned to': [PRIYA],
      'Purchase date': ['2024-03-11'],
    },
  ],
  [
    ASSET_TYPE.laptop,
    'MBP-16 Diego',
    {
      'Serial number': ['C02GK2ZWQ05N'],
      Model: ['MacBook Pro 16" M3 Max'],
      'Operating system': ['macOS'],
      Status: [STATUS.inUse],
      'Assigned to': [DIEGO],
      'Purchase date': ['2024-06-02'],
    },
  ],
  [
    ASSET_TYPE.laptop,
    'XPS-13 Tom',
    {
      'Serial number': ['7H2KQ53'],
      Model: ['Dell XPS 13 9340'],
      'Operating system': ['Ubuntu'],
      Status: [STATUS.inUse],
      'Assigned to': [TOM],
      'Purchase date': ['2023-11-20'],
    },
  ],
  [
    ASSET_TYPE.laptop,
    'ThinkPad-T14 Lena',
    {
      'Serial number': ['PF4RW2KD'],
      Model: ['Lenovo ThinkPad T14 Gen 4'],
      'Operating system': ['Windows 11'],
      Status: [STATUS.inUse],
      'Assigned to': [LENA],
      'Purchase date': ['2024-01-15'],
    },
  ],
  [
    ASSET_TYPE.laptop,
    'MBA-13 Maya',
    {
      'Serial number': ['FVFHK0Q2Q6L4'],
      Model: ['MacBook Air 13" M2'],
      'Operating system': ['macOS'],
      Status: [STATUS.inUse],
      'Assigned to': [MAYA],
      'Purchase date': ['2023-09-04'],
    },
  ],
  [
    ASSET_TYPE.laptop,
    'MBP-14 spare 1',
    {
      'Serial number': ['C02FX9ALMD6T'],
      Model: ['MacBook Pro 14" M3'],
      'Operating system': ['macOS'],
      Status: [STATUS.inStock],
      'Purchase date': ['2024-09-30'],
    },
  ],
  [
    ASSET_TYPE.laptop,
    'XPS-15 old Sam',
    {
      'Serial number': ['3J8LM21'],
      Model: ['Dell XPS 15 9520'],
      'Operating system': ['Windows 11'],
      Status: [STATUS.retired],
      'Assigned to': [SAM],
      'Purchase date': ['2021-05-19'],
    },
  ],
  [
    ASSET_TYPE.laptop,
    'ThinkPad-X1 Jonas',
    {
      'Serial number': ['PF3ZQ8MN'],
      Model: ['Lenovo ThinkPad X1 Carbon Gen 11'],
      'Operating system': ['Ubuntu'],
      Status: [STATUS.inUse],
      'Assigned to': [JONAS],
      'Purchase date': ['2023-07-07'],
    },
  ],
  [
    ASSET_TYPE.server,
    'vpn-gw-01',
    {
      Hostname: ['vpn-gw-01.nimbus.internal'],
      'IP address': ['10.0.4.11'],
      Environment: ['Production'],
      'Operating system': ['Debian 12'],
      Status: [STATUS.degraded],
    },
  ],
  [
    ASSET_TYPE.server,
    'sso-idp-01',
    {
      Hostname: ['sso-idp-01.nimbus.internal'],
      'IP address': ['10.0.4.20'],
      Environment: ['Production'],
      'Operating system': ['Ubuntu 24.04'],
      Status: [STATUS.running],
    },
  ],
  [
    ASSET_TYPE.server,
    'mail-relay-01',
    {
      Hostname: ['mail-relay-01.nimbus.internal'],
      'IP address': ['10.0.5.3'],
      Environment: ['Production'],
      'Operating system': ['Ubuntu 24.04'],
      Status: [STATUS.running],
    },
  ],
  [
    ASSET_TYPE.server,
    'pg-prod-01',
    {
      Hostname: ['pg-prod-01.nimbus.internal'],
      'IP address': ['10.0.6.10'],
      Environment: ['Production'],
      'Operating system': ['Ubuntu 24.04'],
      Status: [STATUS.running],
    },
  ],
  [
    ASSET_TYPE.server,
    'print-srv-02',
    {
      Hostname: ['print-srv-02.nimbus.internal'],
      'IP address': ['10.1.2.40'],
      Environment: ['Production'],
      'Operating system': ['Windows Server 2022'],
      Status: [STATUS.running],
    },
  ],
  [
    ASSET_TYPE.server,
    'wiki-staging-01',
    {
      Hostname: ['wiki-staging-01.nimbus.internal'],
      'IP address': ['10.2.0.15'],
      Environment: ['Staging'],
      'Operating system': ['Debian 12'],
      Status: [STATUS.running],
    },
  ],
  [
    ASSET_TYPE.service,
    'Single sign-on (Okta)',
    {
      Description: ['Company identity provider; every other service signs in through it.'],
      Owner: [JONAS],
      Tier: ['Tier 1'],
      Status: [STATUS.running],
      'Runs on': ['sso-idp-01'],
    },
  ],
  [
    ASSET_TYPE.service,
    'VPN',
    {
      Description: ['Remote access to the office and production networks.'],
      Owner: [SAM],
      Tier: ['Tier 1'],
      Status: [STATUS.degraded],
      'Runs on': ['vpn-gw-01'],
      'Depends on': ['Single sign-on (Okta)'],
    },
  ],
  [
    ASSET_TYPE.service,
    'Email',
    {
      Description: ['Company mail and calendars.'],
      Owner: [SAM],
      Tier: ['Tier 1'],
      Status: [STATUS.running],
      'Runs on': ['mail-relay-01'],
      'Depends on': ['Single sign-on (Okta)'],
    },
  ],
  [
    ASSET_TYPE.service,
    'Payroll system',
    {
      Description: ['Monthly payroll run and payslips.'],
      Owner: [LENA],
      Tier: ['Tier 2'],
      Status: [STATUS.running],
      'Runs on': ['pg-prod-01'],
      'Depends on': ['Single sign-on (Okta)'],
    },
  ],
  [
    ASSET_TYPE.service,
    'Office printing',
    {
      Description: ['Printers on every floor of the Berlin office.'],
      Owner: [SAM],
      Tier: ['Tier 3'],
      Status: [STATUS.running],
      'Runs on': ['print-srv-02'],
    },
  ],
  [
    ASSET_TYPE.service,
    'Internal wiki',
    {
      Description: ['Team handbooks and runbooks.'],
      Owner: [MAYA],
      Tier: ['Tier 3'],
      Status: [STATUS.running],
      'Runs on': ['wiki-staging-01'],
      'Depends on': ['Single sign-on (Okta)'],
    },
  ],
];
