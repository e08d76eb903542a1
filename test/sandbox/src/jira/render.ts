// Records → Jira's JSON beans (UserDetails, StatusDetails, IssueBean, …), shaped as the spec says.
// One module per noun under ./render: users, site metadata (catalog), issue references and
// links, activity (comments, worklogs, attachments, changelog), field values, the issue bean.
import { isoDate } from './format.js';

export * from './render/activity.js';
export * from './render/adf-html.js';
export * from './render/catalog.js';
export * from './render/context.js';
export * from './render/field-values.js';
export * from './render/issue.js';
export * from './render/links.js';
export * from './render/users.js';

export { isoDate };
