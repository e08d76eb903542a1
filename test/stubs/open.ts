// `open` is ESM-only and breaks under swc; tests never launch a browser.
const open = jest.fn(async () => undefined);
export default open;
