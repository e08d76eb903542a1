// What the seeded company is working on: the issues, by project, in a compact form.
//   [type, summary, phase, extras?]
// NOVA phases: D done in a closed sprint · A in the active sprint · N next sprint · B backlog
// OPS phases:  K backlog · S selected · P in progress · X blocked · D done
// MKT phases:  T to do · P in progress · D done

export type Kind = 'story' | 'task' | 'bug' | 'subtask' | 'incident';

export interface Item {
  kind: Kind;
  summary: string;
  phase: string;
  labels?: string[];
  /** Index (within the same list) of the parent for subtasks. */
  sub?: Item[];
}

const i = (kind: Kind, summary: string, phase: string, labels: string[] = [], sub: Item[] = []): Item => ({
  kind,
  summary,
  phase,
  labels,
  sub,
});
const st = (summary: string, phase: string): Item => ({ kind: 'subtask', summary, phase });

export interface Epic {
  summary: string;
  phase: string;
  labels: string[];
  children: Item[];
}

export const NOVA_EPICS: Epic[] = [
  {
    summary: 'Offline mode for orders and catalogue',
    phase: 'A',
    labels: ['offline', 'q4-goal'],
    children: [
      i('story', 'Cache the product catalogue in SQLite for offline browsing', 'D', ['offline', 'ios', 'android']),
      i(
        'story',
        'Queue order edits while offline and replay them on reconnect',
        'D',
        ['offline'],
        [
          st('Design the replay queue schema', 'D'),
          st('Write the replay worker with exponential backoff', 'D'),
          st('Add metrics for replay failures', 'D'),
        ],
      ),
      i('task', 'Spike: conflict resolution strategies for concurrent edits', 'D', ['offline', 'spike']),
      i('story', 'Show an offline banner with the time of the last sync', 'A', ['offline', 'ux']),
      i(
        'story',
        'Resolve sync conflicts with a "keep mine / keep theirs" dialog',
        'A',
        ['offline', 'ux'],
        [st('Conflict dialog UI (iOS)', 'A'), st('Conflict dialog UI (Android)', 'A')],
      ),
      i('bug', 'Catalogue images disappear after the app is killed while offline', 'A', ['offline', 'ios']),
      i('bug', 'Replay queue sends duplicate order updates after airplane mode toggles', 'A', [
        'offline',
        'regression',
      ]),
      i('task', 'Load test the sync endpoint with 5k queued edits per device', 'N', ['offline', 'performance']),
      i('story', 'Let users clear the offline cache from Settings', 'B', ['offline', 'settings']),
    ],
  },
  {
    summary: 'Checkout redesign',
    phase: 'A',
    labels: ['checkout', 'q4-goal'],
    children: [
      i('story', 'Single-page checkout with inline address validation', 'A', ['checkout', 'ux']),
      i('story', 'Apple Pay and Google Pay as first-class payment options', 'A', ['checkout', 'payments']),
      i('task', 'Migrate checkout screens to the new Design System buttons', 'D', ['checkout', 'design-system']),
      i('bug', 'Promo code field accepts expired codes until the order is submitted', 'A', ['checkout', 'payments']),
      i('story', 'Show delivery estimates before the payment step', 'N', ['checkout']),
      i('task', 'Add analytics events for every checkout step', 'N', ['checkout', 'analytics']),
      i('bug', 'Checkout total rounds VAT incorrectly for CHF prices', 'D', ['checkout', 'payments', 'i18n']),
      i('story', 'Guest checkout without account creation', 'B', ['checkout']),
      i('task', 'A/B test plan for the redesigned checkout', 'N', ['checkout', 'experiment']),
    ],
  },
  {
    summary: 'Push notification preferences',
    phase: 'N',
    labels: ['notifications'],
    children: [
      i('story', 'Per-category notification toggles in Settings', 'N', ['notifications', 'settings']),
      i('story', 'Quiet hours for push notifications', 'B', ['notifications']),
      i('task', 'Store notification preferences server-side (GraphQL mutation)', 'N', ['notifications', 'api']),
      i('bug', 'Android 14 devices receive order updates twice', 'A', ['notifications', 'android']),
      i('story', 'Digest mode: one summary notification per day', 'B', ['notifications']),
      i('task', 'Migrate from FCM legacy API to HTTP v1', 'D', ['notifications', 'tech-debt']),
    ],
  },
  {
    summary: 'Accessibility audit fixes (WCAG 2.2 AA)',
    phase: 'A',
    labels: ['a11y'],
    children: [
      i('bug', 'VoiceOver reads price labels twice on product cards', 'D', ['a11y', 'ios']),
      i('bug', 'TalkBack focus jumps to the top after adding an item to the cart', 'D', ['a11y', 'android']),
      i('bug', 'Contrast of secondary buttons is below 4.5:1', 'D', ['a11y', 'design-system']),
      i('story', 'Support Dynamic Type up to XXXL on all checkout screens', 'A', ['a11y', 'ios', 'checkout']),
      i('task', 'Add automated accessibility checks to UI tests', 'A', ['a11y', 'testing']),
      i('bug', 'Touch targets in the quantity stepper are smaller than 24x24 px', 'N', ['a11y']),
      i('task', 'Publish the accessibility statement in the app', 'B', ['a11y', 'legal']),
    ],
  },
  {
    summary: 'Android 15 readiness',
    phase: 'B',
    labels: ['android', 'platform'],
    children: [
      i('task', 'Raise targetSdkVersion to 35', 'N', ['android']),
      i('bug', 'Edge-to-edge layout hides the bottom navigation on Android 15', 'N', ['android', 'regression']),
      i('task', 'Replace deprecated foreground service types', 'B', ['android']),
      i('story', 'Predictive back gesture support', 'B', ['android', 'ux']),
      i('task', 'Verify 16 KB page size compatibility of native libraries', 'B', ['android', 'ndk']),
    ],
  },
];

export const NOVA_LOOSE: Item[] = [
  i('bug', 'App crashes on launch when the locale is set to Turkish', 'D', ['crash', 'i18n']),
  i('bug', 'Search results flicker while typing quickly', 'A', ['search', 'ux']),
  i('task', 'Upgrade React Native bridge to 0.76', 'B', ['tech-debt']),
  i('bug', 'Order history shows times in UTC instead of local time', 'N', ['i18n']),
  i('task', 'Rotate the App Store Connect API key', 'D', ['security']),
  i('bug', 'Deep links to product pages open the home screen on cold start', 'A', ['deeplinks']),
  i('story', 'Reorder a previous order with one tap', 'N', ['orders', 'ux']),
  i('bug', 'Pull-to-refresh spinner never stops when the session has expired', 'A', ['auth', 'ux']),
  i('task', 'Remove the legacy REST endpoints for wishlists', 'B', ['api', 'tech-debt']),
  i('story', 'Biometric login with Face ID and fingerprint', 'D', ['auth', 'security']),
  i('bug', 'Currency symbol shown after the amount for en-GB users', 'D', ['i18n']),
  i('task', 'Set up crash-free sessions dashboard per release', 'A', ['analytics', 'quality']),
  i('story', 'Share a product via the native share sheet', 'B', ['growth']),
];

export const OPS_EPICS: Epic[] = [
  {
    summary: 'Postgres 16 upgrade',
    phase: 'P',
    labels: ['postgres', 'upgrade'],
    children: [
      i('task', 'Upgrade staging cluster to Postgres 16', 'D', ['postgres']),
      i('task', 'Run pg_upgrade dry run on a production snapshot', 'D', ['postgres']),
      i('task', 'Benchmark the orders workload on PG16 vs PG14', 'P', ['postgres', 'performance']),
      i('task', 'Schedule the production maintenance window', 'S', ['postgres', 'change-management']),
      i('bug', 'pg_stat_statements extension fails to load after upgrade on staging', 'X', ['postgres']),
      i('task', 'Update connection pooler (PgBouncer) to 1.23', 'K', ['postgres']),
    ],
  },
  {
    summary: 'Observability overhaul: OpenTelemetry everywhere',
    phase: 'P',
    labels: ['observability'],
    children: [
      i('task', 'Deploy the OpenTelemetry collector as a DaemonSet', 'D', ['observability', 'kubernetes']),
      i('task', 'Instrument the GraphQL gateway with OTel traces', 'P', ['observability', 'api']),
      i(
        'task',
        'Migrate alert rules from Nagios to Prometheus Alertmanager',
        'S',
        ['observability', 'alerting'],
        [st('Export the current Nagios checks', 'D'), st('Rewrite checks as PromQL rules', 'P')],
      ),
      i('bug', 'Trace sampling drops all spans from the payments service', 'K', ['observability', 'payments']),
      i('task', 'Define SLOs for checkout latency and error rate', 'K', ['observability', 'slo']),
    ],
  },
];

export const OPS_LOOSE: Item[] = [
  i('incident', 'Checkout API returning 502s for 12% of requests in eu-west-1', 'D', ['sev1', 'postmortem']),
  i('incident', 'Elevated p99 latency on catalogue search after deploy 2024.11.3', 'D', ['performance']),
  i('incident', 'Nightly backup job failed for the orders database', 'P', ['backups', 'postgres']),
  i('incident', 'TLS certificate for status.nimbus-works.example expires in 5 days', 'S', ['certificates']),
  i('incident', 'Redis memory usage at 92% on cache-prod-2', 'X', ['redis', 'capacity']),
  i('task', 'Rotate database credentials for the reporting service', 'K', ['security', 'postgres']),
  i('task', 'Enable cluster autoscaler on the batch node pool', 'D', ['kubernetes', 'cost']),
  i('task', 'Move CI runners to ARM instances', 'P', ['ci', 'cost']),
  i('bug', 'Deploy pipeline skips database migrations when the tag contains a slash', 'S', ['ci', 'deploy']),
  i('task', 'Document the on-call handover checklist', 'K', ['on-call', 'docs']),
  i('task', 'Remove unused IAM roles flagged by the access review', 'K', ['security', 'iam']),
  i('bug', 'Grafana dashboard for queue depth shows no data after the Prometheus migration', 'P', ['observability']),
  i(
    'task',
    'Upgrade Kubernetes clusters to 1.31',
    'S',
    ['kubernetes', 'upgrade'],
    [st('Upgrade staging', 'D'), st('Upgrade production', 'K')],
  ),
  i('task', 'Set up cost anomaly alerts for the data warehouse', 'K', ['cost', 'alerting']),
  i('bug', 'Log shipping drops lines longer than 16 KB', 'D', ['logging']),
  i('task', 'Quarterly disaster recovery drill', 'S', ['dr']),
  i('incident', 'Push notification provider outage (FCM) delayed order updates', 'D', ['third-party']),
  i('task', 'Write a runbook for failing over the primary database', 'P', ['postgres', 'runbook', 'docs']),
];

export const MKT_EPICS: Epic[] = [
  {
    summary: 'Spring launch campaign: Nova 2.5',
    phase: 'P',
    labels: ['launch', 'nova-2-5'],
    children: [
      i('task', 'Draft the launch blog post for offline mode', 'P', ['content', 'blog']),
      i('task', 'App Store screenshots for the new checkout', 'T', ['app-store', 'design']),
      i('task', 'Record a 30-second product video', 'T', ['video']),
      i(
        'task',
        'Press kit: quotes, logos and fact sheet',
        'P',
        ['press'],
        [st('Collect customer quotes', 'D'), st('Update the fact sheet', 'T')],
      ),
      i('task', 'Email announcement to 120k subscribers', 'T', ['email']),
      i('task', 'Update the in-app "What\'s new" screen copy', 'D', ['content', 'in-app']),
      i('task', 'Paid social campaign brief', 'T', ['paid-social']),
    ],
  },
];

export const MKT_LOOSE: Item[] = [
  i('task', 'Refresh the pricing page FAQ', 'D', ['website']),
  i('task', 'Customer case study: Alpine Outfitters', 'P', ['content', 'case-study']),
  i('task', 'Webinar: "Running a store from your phone"', 'T', ['webinar']),
  i('task', 'Translate the help centre top 20 articles into German', 'P', ['i18n', 'help-centre']),
  i('task', 'Q1 newsletter calendar', 'D', ['email']),
  i('task', 'Review brand guidelines for the new illustration style', 'T', ['brand']),
  i('task', 'Partner co-marketing plan with PayFast', 'T', ['partners']),
  i('task', 'Conference booth for RetailTech Berlin', 'P', ['events']),
  i('task', 'SEO audit of the product pages', 'D', ['website', 'seo']),
  i('task', 'Social media calendar for March', 'D', ['social']),
  i('task', 'Landing page for the offline mode feature', 'P', ['website', 'launch']),
  i('task', 'Customer survey: checkout satisfaction', 'T', ['research']),
  i('task', 'Update app store descriptions in 6 languages', 'T', ['app-store', 'i18n']),
  i('task', 'Influencer outreach list for the spring launch', 'D', ['partners', 'launch']),
  i('task', 'Retrospective on the autumn campaign metrics', 'D', ['analytics']),
];
