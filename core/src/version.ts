/** The version of core (and of the atlassian-mcp distribution). */
export const CORE_VERSION = '0.1.0';
