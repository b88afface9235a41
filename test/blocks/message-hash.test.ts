import { describe, expect, it } from 'vitest';
import { hashMessage, stableJson } from '../../src/blocks/message-hash.js';
import { renderDeployMessage } from '../../src/blocks/render-deploy-message.js';
import { VIEWS } from './views.js';

describe('hashMessage', () => {
  it('is a sha256 hex digest that ignores key order', () => {
    const a = {
      text: 't',
      blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'x' } }],
    };
    const b = {
      blocks: [{ text: { text: 'x', type: 'mrkdwn' as const }, type: 'section' as const }],
      text: 't',
    };
    expect(hashMessage(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashMessage(a)).toBe(hashMessage(b));
  });

  it('is the same for the same deployment state and differs when what Slack shows differs', () => {
    const started = renderDeployMessage(VIEWS.started);
    expect(hashMessage(renderDeployMessage({ ...VIEWS.started }))).toBe(hashMessage(started));
    expect(hashMessage(renderDeployMessage(VIEWS.succeeded))).not.toBe(hashMessage(started));
    expect(hashMessage({ ...started, text: `${started.text}.` })).not.toBe(hashMessage(started));
  });

  it('writes stable JSON, keeping array order and a __proto__ key as data', () => {
    expect(stableJson({ b: [2, 1], a: 1 })).toBe('{"a":1,"b":[2,1]}');
    expect(stableJson(JSON.parse('{"__proto__":{"x":1},"a":2}'))).toBe('{"__proto__":{"x":1},"a":2}');
  });
});
