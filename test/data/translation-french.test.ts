/**
 * The translation corpus writes correct French: checked on generated token lists by a small
 * parser written from the lexicon's tables, independent of the generator's own rendering.
 * Every noun's determiner and adjectives agree with its gender and number, verbs agree with
 * their subjects, predicate adjectives with theirs, and elision happens exactly before vowels.
 */
import { describe, expect, it } from 'vitest';
import {
  ADJECTIVES, NOUNS, PRONOUNS, VERBS, generatePairs, renderSpec, type Adjective, type Gender,
} from '../../src/data/translation/index.ts';

const pairs = [1, 2, 3].flatMap((c) => generatePairs(40 + c, 8000, { complexity: c as 1 | 2 | 3 }));
const vowel = (w: string | undefined): boolean => w !== undefined && /^[aeiouyàâéèêëîïôùûœh]/.test(w);

interface Feat { gender: Gender; plural: boolean }

/** Every (gender, number) a French noun token can have: "souris" is singular or plural. */
const nounFeats = new Map<string, Feat[]>();
for (const n of NOUNS) {
  nounFeats.set(n.fr, [...(nounFeats.get(n.fr) ?? []), { gender: n.gender, plural: false }]);
  if (n.frPl) nounFeats.set(n.frPl, [...(nounFeats.get(n.frPl) ?? []), { gender: n.gender, plural: true }]);
}
const adjByForm = new Map<string, Adjective[]>();
for (const a of ADJECTIVES) {
  for (const f of new Set([...a.fr, ...(a.beforeVowel ? [a.beforeVowel] : [])])) adjByForm.set(f, [...(adjByForm.get(f) ?? []), a]);
}

/** Whether `form` is the form of one of the adjectives it could be, for f before `next`. */
function agrees(form: string, f: Feat, next?: string): boolean {
  return (adjByForm.get(form) ?? []).some((a) => {
    const plain = a.fr[(f.plural ? 2 : 0) + (f.gender === 'f' ? 1 : 0)];
    const special = a.beforeVowel !== null && f.gender === 'm' && !f.plural && vowel(next);
    return form === (special ? a.beforeVowel : plain);
  });
}

/** The determiners French allows before `next` for a noun with features f. */
function determiners(f: Feat, next: string): string[] {
  if (f.plural) return ['les', 'mes', 'tes', 'ses', 'nos', 'leurs', 'ces', 'deux', 'trois', 'de', "d'"];
  const v = vowel(next);
  const common = ['notre', 'leur', v ? "d'" : 'de', ...(v ? ["l'"] : [])];
  if (f.gender === 'm') return [...common, 'un', v ? 'cet' : 'ce', 'mon', 'ton', 'son', ...(v ? [] : ['le', 'du'])];
  return [...common, 'une', 'cette', ...(v ? ['mon', 'ton', 'son'] : ['la', 'ma', 'ta', 'sa'])];
}

const preForms = new Set(ADJECTIVES.filter((a) => a.pos === 'pre').flatMap((a) => [...a.fr, a.beforeVowel ?? '']));

describe('translation corpus French', () => {
  it('gives every noun a determiner and adjectives that agree with it', () => {
    let checked = 0;
    for (const { frTokens: fr } of pairs) {
      fr.forEach((tok, j) => {
        const feats = nounFeats.get(tok);
        if (!feats) return;
        let k = j - 1;
        const pre = preForms.has(fr[k]) ? fr[k--] : null;
        const post = adjByForm.has(fr[j + 1]) && !preForms.has(fr[j + 1]) ? fr[j + 1] : null;
        const ok = feats.some((f) =>
          (pre === null || agrees(pre, f, tok)) && (post === null || agrees(post, f)) &&
          determiners(f, fr[k + 1]).includes(fr[k]));
        if (!ok) throw new Error(`bad noun phrase around "${tok}" in: ${fr.join(' ')}`);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(30_000);
  });

  it('agrees verbs and predicate adjectives with a pronoun or single-noun subject', () => {
    const subjectPronoun: Record<string, { person: number; f: Feat }> = {};
    for (const p of Object.values(PRONOUNS)) subjectPronoun[p.fr] = { person: p.person, f: { gender: p.gender, plural: p.plural } };
    const columns = new Map<string, Set<number>>();
    const add = (form: string, col: number): void => void columns.set(form, (columns.get(form) ?? new Set()).add(col));
    VERBS.forEach((v) => v.fr.forEach(add));
    ['suis', 'es', 'est', 'sommes', 'sont'].forEach(add);
    let checked = 0;
    for (const { frTokens: fr } of pairs) {
      if (fr.includes('et')) continue; // coordinated subjects are checked by the next test
      const first = fr[0] === "j'" ? 'je' : fr[0];
      const pron = subjectPronoun[first];
      const nounAt = pron ? 0 : fr.findIndex((t) => nounFeats.has(t));
      const verbAt = fr.findIndex((t, i) => i > nounAt && columns.has(t));
      const noun = fr[nounAt];
      if (!pron && (noun === 'souris' || noun === 'ours')) continue; // number comes from elsewhere
      const subj = pron ?? { person: -1, f: nounFeats.get(noun)![0] };
      const person = pron ? pron.person : subj.f.plural ? 4 : 2;
      expect(columns.get(fr[verbAt])!.has(person), fr.join(' ')).toBe(true);
      if (['suis', 'es', 'est', 'sommes', 'sont'].includes(fr[verbAt])) {
        const pred = fr[verbAt + 1] === 'pas' ? fr[verbAt + 2] : fr[verbAt + 1];
        if (adjByForm.has(pred)) {
          expect(agrees(pred, subj.f), fr.join(' ')).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('makes a group masculine if any member is, and feminine only if all are', () => {
    const be = (a: string, b: string) => renderSpec({ clauses: [{ subject: { and: [{ noun: a, det: 'the' }, { noun: b, det: 'the' }] }, verb: 'be', adjs: ['happy'] }] }).fr;
    expect(be('cat', 'cow')).toBe('le chat et la vache sont heureux');
    expect(be('woman', 'girl')).toBe('la femme et la fille sont heureuses');
  });

  it('elides exactly before a vowel or silent h, and writes an before a vowel in English', () => {
    const elidable = new Set(['le', 'la', 'je', 'ne', 'me', 'te', 'de', 'ce', 'ma', 'ta', 'sa', 'du']);
    const seen = new Set<string>();
    for (const { frTokens: fr, enTokens: en } of pairs) {
      fr.forEach((t, i) => {
        if (elidable.has(t)) expect(vowel(fr[i + 1]), fr.join(' ')).toBe(false);
        if (t.endsWith("'") || t === 'cet') {
          expect(vowel(fr[i + 1]), fr.join(' ')).toBe(true);
          seen.add(t.endsWith("'") ? t + fr[i + 1] : `${t} ${fr[i + 1]}`);
        }
      });
      en.forEach((t, i) => {
        if (t === 'a' || t === 'an') expect(/^[aeiou]/.test(en[i + 1]), en.join(' ')).toBe(t === 'an');
      });
    }
    for (const s of ["l'homme", "l'hôtel", "l'oiseau", "j'aime", "n'est", "cet homme", "d'eau"]) expect(seen).toContain(s);
  });

  it('uses only silent-h words, so the elision rule needs no exceptions', () => {
    const hWords = NOUNS.flatMap((n) => [n.fr, n.frPl ?? '']).filter((w) => w.startsWith('h'));
    expect(new Set(hWords)).toEqual(new Set(['homme', 'hommes', 'hôtel', 'hôtels', 'hôpital', 'hôpitaux', 'histoire']));
  });
});
