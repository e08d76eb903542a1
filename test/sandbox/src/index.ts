// PLACEHOLDER — the sandbox site (issue 4) lives here.
export {};
