// PLACEHOLDER — the Jira plugin (issue 7) lives here.
export {};
