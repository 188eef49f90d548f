/** A link may name a hub or folder model; a hostile one falls back to the default model. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, parseHash, sanitizeModel } from '../../src/store/index.ts';

describe('model references in the store and the URL', () => {
  it('keeps built-in ids, hub repositories and folder URLs in canonical form', () => {
    expect(sanitizeModel('TINY-GPT')).toBe('tiny-gpt');
    expect(sanitizeModel('hf:google-bert/bert-base-uncased@main')).toBe('hf:google-bert/bert-base-uncased');
    expect(sanitizeModel('url:https://h.test/m?x=1')).toBe('url:https://h.test/m/');
  });

  it('drops what is not a model reference', () => {
    for (const bad of ['url:javascript:alert(1)', 'hf:../../etc', 'url:https://a:b@h.test/', 42, null]) expect(sanitizeModel(bad)).toBeNull();
    const hash = `#/explore?model=${encodeURIComponent('url:file:///etc/passwd')}`;
    expect(parseHash(hash).params.model).toBe(DEFAULT_PARAMS.model);
    expect(parseHash(`#/explore?model=${encodeURIComponent('hf:a/b')}`).params.model).toBe('hf:a/b');
  });
});
