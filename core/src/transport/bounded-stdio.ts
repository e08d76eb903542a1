import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { LineLimiter, type OversizedLine } from './line-limiter.js';

/** The largest message the server reads from stdin (the SDK's own stdio limit). */
export const MAX_STDIO_MESSAGE_BYTES = 10 * 1024 * 1024;

/** JSON-RPC "Invalid Request". */
const INVALID_REQUEST = -32600;

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * A stdio transport that survives an oversized message: the line is dropped, its sender gets a
 * JSON-RPC error naming the limit, and the server keeps serving. (The SDK's transport closes the
 * connection — and the process exits — on the first message over its buffer limit.)
 */
export function boundedStdioTransport(
  options: {
    maxMessageBytes?: number;
    stdin?: Readable;
    stdout?: Writable;
    onOversized?: (line: OversizedLine) => void;
  } = {},
): StdioServerTransport {
  const max = options.maxMessageBytes ?? MAX_STDIO_MESSAGE_BYTES;
  const stdin = options.stdin ?? process.stdin;
  const limiter = new LineLimiter(max, (line) => {
    options.onOversized?.(line);
    if (line.id === undefined) return; // a notification has nobody to answer
    void transport
      .send({
        jsonrpc: '2.0',
        id: line.id,
        error: {
          code: INVALID_REQUEST,
          message: `Message too large: ${mib(line.bytes)}; the limit is ${mib(max)}. Send big files by path (inside the server's allowed directories) rather than inline.`,
        },
      })
      .catch(() => undefined);
  });
  stdin.pipe(limiter);
  // Lines reach the SDK whole and within the limit, so its own buffer never overflows.
  // (The limiter calls back only after data flows, by which time `transport` exists.)
  const transport = new StdioServerTransport(limiter, options.stdout ?? process.stdout, { maxBufferSize: 2 * max + 1 });
  return transport;
}
