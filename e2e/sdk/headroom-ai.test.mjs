// The reference's npm SDK (headroom-ai, pinned in package.json) against the companion proxy at HEADROOM_BASE_URL:
// compress(), retrieve(), health() and proxyStats() must work on this proxy as they do on the reference's.
// Run by HeadroomAiSdkIT (module e2e) after `npm ci`; by hand: HEADROOM_BASE_URL=http://127.0.0.1:8787 node --test
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HeadroomClient, HeadroomCompressError, compress } from 'headroom-ai';

const baseUrl = process.env.HEADROOM_BASE_URL;
if (!baseUrl) {
  throw new Error('set HEADROOM_BASE_URL to the proxy under test, e.g. http://127.0.0.1:8787');
}

const installed = JSON.parse(readFileSync(new URL('./node_modules/headroom-ai/package.json', import.meta.url), 'utf8'));
// fallback: false, retries: 0 so that a proxy error fails the test instead of turning into the SDK's silent
// "uncompressed" fallback result.
const client = new HeadroomClient({ baseUrl, fallback: false, retries: 0, timeout: 60_000 });

// A tool output big enough to compress: 400 rows of an orders listing, as a JSON array.
const rows = Array.from({ length: 400 }, (_, i) => ({
  id: `ord_${String(100000 + i)}`,
  status: i % 97 === 13 ? 'failed' : 'shipped',
  customer: `customer-${i % 37}@example.test`,
  amount_cents: 1000 + ((i * 7919) % 50000),
  created_at: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00Z`,
  note: i % 97 === 13 ? 'payment gateway timeout, retry scheduled' : 'ok',
}));
const toolOutput = JSON.stringify(rows, null, 2);

// Anthropic-shaped messages: compress() converts them to OpenAI shape for /v1/compress and back.
const anthropicMessages = [
  { role: 'user', content: 'Which orders failed last month? List their ids.' },
  {
    role: 'assistant',
    content: [{ type: 'tool_use', id: 'toolu_01', name: 'list_orders', input: { month: '2026-03' } }],
  },
  {
    role: 'user',
    content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: toolOutput }],
  },
];

const MARKER = /headroom_retrieve hash=([0-9a-f]{8,64})/;
const state = {};

test('the pinned SDK is the one installed', () => {
  assert.equal(installed.version, '0.37.0');
});

test('health(): the proxy answers healthy, with version and (loopback caller) config', async () => {
  const h = await client.health();
  assert.equal(h.status, 'healthy');
  assert.equal(typeof h.version, 'string');
  assert.ok(h.version.length > 0);
  assert.equal(typeof h.config, 'object');
  assert.equal(typeof h.config.optimize, 'boolean');
  assert.equal(typeof h.config.cache, 'boolean');
  assert.equal(typeof h.config.rateLimit, 'boolean');
  const setup = await client.validateSetup();
  assert.equal(setup.valid, true, JSON.stringify(setup));
});

test('proxyStats() before: the fields the SDK declares are there', async () => {
  const s = await client.proxyStats();
  for (const k of ['total', 'cached', 'rateLimited', 'failed']) {
    assert.equal(typeof s.requests[k], 'number', `requests.${k}`);
  }
  assert.equal(typeof s.requests.byProvider, 'object');
  assert.equal(typeof s.requests.byModel, 'object');
  for (const k of ['input', 'output', 'saved', 'cliTokensAvoided', 'totalBeforeCompression', 'savingsPercent']) {
    assert.equal(typeof s.tokens[k], 'number', `tokens.${k}`);
  }
  for (const section of ['latency', 'overhead']) {
    for (const k of ['averageMs', 'minMs', 'maxMs']) {
      assert.equal(typeof s[section][k], 'number', `${section}.${k}`);
    }
  }
  assert.equal(typeof s.compression.ccrEntries, 'number');
  assert.equal(typeof s.compression.ccrRetrievals, 'number');
  assert.equal(typeof s.feedbackLoop.totalCompressions, 'number');
  for (const k of ['pipelineTiming', 'wasteSignals', 'cost']) {
    assert.equal(typeof s[k], 'object', k);
  }
  // The durable counter the reference documents as the equivalent of the SDK's session total.
  assert.equal(typeof s.persistentSavings.lifetime.tokensSaved, 'number');
  state.before = s;
});

test('compress(): the big tool output comes back smaller, with a retrievable marker, in the input format', async () => {
  const r = await compress(anthropicMessages, { baseUrl, model: 'claude-sonnet-4-5', fallback: false, retries: 0 });
  assert.equal(r.compressed, true);
  assert.ok(r.tokensBefore > 0, `tokensBefore ${r.tokensBefore}`);
  assert.ok(r.tokensAfter < r.tokensBefore, `tokensAfter ${r.tokensAfter} < tokensBefore ${r.tokensBefore}`);
  assert.equal(r.tokensSaved, r.tokensBefore - r.tokensAfter);
  assert.ok(r.compressionRatio > 0 && r.compressionRatio < 1, `compressionRatio ${r.compressionRatio}`);
  assert.ok(Array.isArray(r.transformsApplied) && r.transformsApplied.length > 0, JSON.stringify(r.transformsApplied));
  assert.ok(Array.isArray(r.ccrHashes) && r.ccrHashes.length > 0, 'ccrHashes');

  // Converted back to Anthropic shape: the tool_result block carries the compressed text and its marker.
  assert.equal(r.messages.length, anthropicMessages.length);
  const block = r.messages[2].content[0];
  assert.equal(block.type, 'tool_result');
  assert.equal(block.tool_use_id, 'toolu_01');
  assert.ok(block.content.length < toolOutput.length / 2, `${block.content.length} of ${toolOutput.length} chars`);
  const m = MARKER.exec(block.content);
  assert.ok(m, `a headroom_retrieve marker in: ${block.content.slice(0, 400)}`);
  assert.ok(r.ccrHashes.includes(m[1]), `marker hash ${m[1]} is among ccrHashes ${r.ccrHashes}`);
  state.hash = m[1];
  state.compressed = r;
});

test('HeadroomClient.compress() takes OpenAI messages as they are', async () => {
  const openai = [
    { role: 'user', content: 'Which orders failed?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'list_orders', arguments: '{}' } }],
    },
    { role: 'tool', tool_call_id: 'call_1', content: toolOutput },
  ];
  const r = await client.compress(openai, { model: 'gpt-4o' });
  assert.ok(r.tokensAfter < r.tokensBefore);
  assert.equal(r.messages[2].role, 'tool');
  assert.match(r.messages[2].content, MARKER);
});

test('retrieve(): the original tool output comes back byte for byte', async () => {
  assert.ok(state.hash, 'compress() ran first');
  const r = await client.retrieve(state.hash);
  assert.equal(r.hash, state.hash);
  assert.equal(r.originalContent, toolOutput);
  assert.equal(Buffer.compare(Buffer.from(r.originalContent, 'utf8'), Buffer.from(toolOutput, 'utf8')), 0);
  assert.equal(typeof r.originalTokens, 'number');
  assert.equal(r.originalItemCount, rows.length);
  assert.ok(r.retrievalCount >= 1);
});

test('retrieve() with a query: only the matching rows', async () => {
  const r = await client.retrieve(state.hash, { query: 'failed' });
  assert.equal(r.hash, state.hash);
  assert.equal(r.query, 'failed');
  const failed = rows.filter((row) => row.status === 'failed');
  assert.equal(r.count, failed.length);
  assert.deepEqual(r.results.map((x) => x.id).sort(), failed.map((x) => x.id).sort());
});

test('retrieve() of an unknown hash throws the SDK error with the 404', async () => {
  await assert.rejects(client.retrieve('0123456789abcdef01234567'), (e) => {
    assert.ok(e instanceof HeadroomCompressError, String(e));
    assert.equal(e.statusCode, 404);
    return true;
  });
});

test('a malformed compress request is a thrown 400, not a silent fallback', async () => {
  await assert.rejects(client.compressRaw({ model: 'gpt-4o' }), (e) => {
    assert.ok(e instanceof HeadroomCompressError, String(e));
    assert.equal(e.statusCode, 400);
    return true;
  });
});

test('getCCRStats() and handleToolCall() on the retrieve API', async () => {
  const s = await client.getCCRStats();
  assert.ok(s.store.entries >= 1);
  assert.ok(s.store.retrievals >= 1);
  assert.ok(Array.isArray(s.recentRetrievals) && s.recentRetrievals.some((x) => x.hash === state.hash));
  const t = await client.handleToolCall({
    toolCall: { type: 'tool_use', id: 'toolu_02', name: 'headroom_retrieve', input: { hash: state.hash } },
    provider: 'anthropic',
  });
  assert.equal(t.handled, true);
  assert.equal(t.success, true);
  assert.equal(t.toolResult.toolUseId, 'toolu_02');
  assert.equal(t.toolResult.content, toolOutput);
});

test('proxyStats() after: request counts and savings grew', async () => {
  const before = state.before;
  const s = await client.proxyStats();
  assert.ok(s.requests.total >= before.requests.total + 2, `requests.total ${before.requests.total} -> ${s.requests.total}`);
  assert.ok(s.tokens.saved > before.tokens.saved, `tokens.saved ${before.tokens.saved} -> ${s.tokens.saved}`);
  assert.ok(s.tokens.totalBeforeCompression > before.tokens.totalBeforeCompression);
  assert.ok(s.tokens.savingsPercent > 0);
  assert.ok(s.compression.ccrEntries >= 1);
  assert.ok(s.feedbackLoop.totalCompressions >= before.feedbackLoop.totalCompressions + 2);
  const summary = await client.getSummary();
  assert.equal(summary.totalRequests, s.requests.total);
  assert.equal(summary.totalTokensSaved, s.tokens.saved);
});
