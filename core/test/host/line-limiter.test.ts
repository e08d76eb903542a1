import { LineLimiter, requestId, type OversizedLine } from '../../src/transport/line-limiter';

async function run(max: number, chunks: string[]): Promise<{ lines: string[]; dropped: OversizedLine[] }> {
  const dropped: OversizedLine[] = [];
  const limiter = new LineLimiter(max, (l) => dropped.push(l));
  const out: Buffer[] = [];
  limiter.on('data', (b: Buffer) => out.push(b));
  for (const c of chunks) limiter.write(Buffer.from(c));
  limiter.end();
  await new Promise((r) => limiter.once('end', r));
  return { lines: Buffer.concat(out).toString().split('\n').filter(Boolean), dropped };
}

describe('stdio line limiter', () => {
  it('passes lines within the limit whole, across chunk boundaries', async () => {
    const { lines, dropped } = await run(20, ['{"a":', '1}\n{"b"', ':2}\n', '{"c":3}\n']);
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
    expect(dropped).toEqual([]);
  });

  it('drops an oversized line, keeps its id, and goes on with the next', async () => {
    const big = `{"method":"tools/call","params":{"x":"${'y'.repeat(100)}"},"jsonrpc":"2.0","id":7}`;
    const { lines, dropped } = await run(50, [big.slice(0, 30), big.slice(30), '\n{"id":8}\n']);
    expect(lines).toEqual(['{"id":8}']);
    expect(dropped).toEqual([{ bytes: big.length, id: 7 }]);
  });

  it('reads the id only at the top level', () => {
    expect(requestId('{"jsonrpc":"2.0","id":"abc","method":"x","params":{', '')).toBe('abc');
    expect(requestId('{"method":"x","params":{"id":5,', '"z"}}')).toBeUndefined();
    expect(requestId('{"method":"x","params":{', ',"id":5}}')).toBeUndefined();
    expect(requestId('{"method":"x"', ',"jsonrpc":"2.0","id":12}')).toBe(12);
  });
});
