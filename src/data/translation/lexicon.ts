/**
 * The bilingual lexicon of the toy English -> French corpus: every content word the grammar
 * can use, with French gender, both languages' plurals, the four agreed forms of each
 * adjective and the present tense of each verb. Semantic tags keep the sentences sensible
 * (people read books, cats drink milk), so the lesson's examples read like language.
 *
 * Every French word beginning with "h" here has a silent h (l'homme, l'hôtel, l'histoire),
 * so "starts with a vowel or h" is the elision rule; words with an aspirated h (le héros)
 * are left out rather than special-cased.
 */

const TAGS = [
  'person', 'adult', 'animal', 'thing', 'vehicle', 'plant', 'place', 'building', 'water', 'food', 'drink',
  'temp', 'idea', 'field', 'art', 'language', 'learning', 'readable', 'writable', 'openable',
  'container', 'in', 'on', 'under',
] as const;

/** A semantic class; adjectives, verbs and prepositions say which classes they take. */
export type Tag = (typeof TAGS)[number];
export type Gender = 'm' | 'f';

export interface Noun {
  en: string;
  enPl: string | null; // null: a mass noun (bread, music): no plural and no "a"
  fr: string;
  frPl: string | null;
  gender: Gender;
  tags: readonly Tag[]; // 'idea' nouns appear only bare and generic: "i love music"
}

export interface Adjective {
  en: string;
  fr: readonly [string, string, string, string]; // masc sg, fem sg, masc pl, fem pl
  beforeVowel: string | null; // masc sg before a vowel: un bel oiseau, un vieil homme
  // French position: the few "BAGS" adjectives go before the noun, the rest after; colours
  // go after and are the only second adjective ("the big red car" -> "la grande voiture rouge").
  pos: 'pre' | 'post' | 'colour';
  scale: string; // what it measures (size, age, colour...): "the big car is small" is avoided
  fits: readonly Tag[];
  predicative: boolean; // may follow "is" ("the car is red"); "new" and "machine" may not
}

export interface Verb {
  en: readonly [string, string]; // base, third person singular
  fr: readonly [string, string, string, string, string]; // je, tu, il/elle, nous, ils
  subject: readonly Tag[];
  object: readonly Tag[];
  // What a bare English object means. generic: "i love cats" -> "j'aime les chats";
  // partitive: "i drink milk" -> "je bois du lait". null: the object always has a determiner.
  bare: 'generic' | 'partitive' | null;
  clitic: boolean; // takes object pronouns, which French puts before the verb: "je t'aime"
}

function tags(list: string): Tag[] {
  return list.split(' ').map((t) => {
    if (!(TAGS as readonly string[]).includes(t)) throw new Error(`translation lexicon: unknown tag "${t}"`);
    return t as Tag;
  });
}

function n(en: string, enPl: string | null, fr: string, frPl: string | null, gender: Gender, t: string): Noun {
  return { en, enPl, fr, frPl, gender, tags: tags(t) };
}

export const NOUNS: readonly Noun[] = [
  n('man', 'men', 'homme', 'hommes', 'm', 'person adult'),
  n('woman', 'women', 'femme', 'femmes', 'f', 'person adult'),
  n('boy', 'boys', 'garçon', 'garçons', 'm', 'person'),
  n('girl', 'girls', 'fille', 'filles', 'f', 'person'),
  n('child', 'children', 'enfant', 'enfants', 'm', 'person'),
  n('friend', 'friends', 'ami', 'amis', 'm', 'person adult'),
  n('teacher', 'teachers', 'professeur', 'professeurs', 'm', 'person adult'),
  n('student', 'students', 'étudiant', 'étudiants', 'm', 'person adult'),
  n('doctor', 'doctors', 'médecin', 'médecins', 'm', 'person adult'),
  n('mother', 'mothers', 'mère', 'mères', 'f', 'person adult'),
  n('father', 'fathers', 'père', 'pères', 'm', 'person adult'),
  n('sister', 'sisters', 'sœur', 'sœurs', 'f', 'person adult'),
  n('brother', 'brothers', 'frère', 'frères', 'm', 'person adult'),
  n('king', 'kings', 'roi', 'rois', 'm', 'person adult'),
  n('queen', 'queens', 'reine', 'reines', 'f', 'person adult'),
  n('cat', 'cats', 'chat', 'chats', 'm', 'animal'),
  n('dog', 'dogs', 'chien', 'chiens', 'm', 'animal'),
  n('bird', 'birds', 'oiseau', 'oiseaux', 'm', 'animal'),
  n('horse', 'horses', 'cheval', 'chevaux', 'm', 'animal'),
  n('mouse', 'mice', 'souris', 'souris', 'f', 'animal'),
  n('cow', 'cows', 'vache', 'vaches', 'f', 'animal'),
  n('rabbit', 'rabbits', 'lapin', 'lapins', 'm', 'animal'),
  n('elephant', 'elephants', 'éléphant', 'éléphants', 'm', 'animal'),
  n('lion', 'lions', 'lion', 'lions', 'm', 'animal'),
  n('duck', 'ducks', 'canard', 'canards', 'm', 'animal'),
  n('spider', 'spiders', 'araignée', 'araignées', 'f', 'animal'),
  n('bear', 'bears', 'ours', 'ours', 'm', 'animal'),
  n('frog', 'frogs', 'grenouille', 'grenouilles', 'f', 'animal'),
  n('snake', 'snakes', 'serpent', 'serpents', 'm', 'animal'),
  n('car', 'cars', 'voiture', 'voitures', 'f', 'vehicle in under'),
  n('bike', 'bikes', 'vélo', 'vélos', 'm', 'vehicle'),
  n('train', 'trains', 'train', 'trains', 'm', 'vehicle in'),
  n('boat', 'boats', 'bateau', 'bateaux', 'm', 'vehicle in'),
  n('plane', 'planes', 'avion', 'avions', 'm', 'vehicle in'),
  n('book', 'books', 'livre', 'livres', 'm', 'thing readable writable openable'),
  n('letter', 'letters', 'lettre', 'lettres', 'f', 'thing readable writable'),
  n('newspaper', 'newspapers', 'journal', 'journaux', 'm', 'thing readable'),
  n('table', 'tables', 'table', 'tables', 'f', 'thing on under'),
  n('chair', 'chairs', 'chaise', 'chaises', 'f', 'thing on under'),
  n('sofa', 'sofas', 'canapé', 'canapés', 'm', 'thing on under'), // not bed/lit: lit is also "reads"
  n('door', 'doors', 'porte', 'portes', 'f', 'thing openable'),
  n('window', 'windows', 'fenêtre', 'fenêtres', 'f', 'thing openable'),
  n('box', 'boxes', 'boîte', 'boîtes', 'f', 'thing openable container in'),
  n('bag', 'bags', 'sac', 'sacs', 'm', 'thing openable container in'),
  n('cup', 'cups', 'tasse', 'tasses', 'f', 'thing container'),
  n('glass', 'glasses', 'verre', 'verres', 'm', 'thing container'),
  n('key', 'keys', 'clé', 'clés', 'f', 'thing'),
  n('phone', 'phones', 'téléphone', 'téléphones', 'm', 'thing'),
  n('computer', 'computers', 'ordinateur', 'ordinateurs', 'm', 'thing'),
  n('ball', 'balls', 'balle', 'balles', 'f', 'thing'),
  n('hat', 'hats', 'chapeau', 'chapeaux', 'm', 'thing'),
  n('shirt', 'shirts', 'chemise', 'chemises', 'f', 'thing'),
  n('umbrella', 'umbrellas', 'parapluie', 'parapluies', 'm', 'thing'),
  n('tree', 'trees', 'arbre', 'arbres', 'm', 'plant under'),
  n('flower', 'flowers', 'fleur', 'fleurs', 'f', 'plant'),
  n('house', 'houses', 'maison', 'maisons', 'f', 'place building in'),
  n('garden', 'gardens', 'jardin', 'jardins', 'm', 'place in'),
  n('park', 'parks', 'parc', 'parcs', 'm', 'place in'),
  n('school', 'schools', 'école', 'écoles', 'f', 'place building in'),
  n('kitchen', 'kitchens', 'cuisine', 'cuisines', 'f', 'place in'),
  n('bedroom', 'bedrooms', 'chambre', 'chambres', 'f', 'place in'),
  n('city', 'cities', 'ville', 'villes', 'f', 'place in'),
  n('forest', 'forests', 'forêt', 'forêts', 'f', 'place in'),
  n('street', 'streets', 'rue', 'rues', 'f', 'place in'),
  n('river', 'rivers', 'rivière', 'rivières', 'f', 'place water'),
  n('lake', 'lakes', 'lac', 'lacs', 'm', 'place water'),
  n('sea', 'seas', 'mer', 'mers', 'f', 'place water'),
  n('island', 'islands', 'île', 'îles', 'f', 'place on'),
  n('hotel', 'hotels', 'hôtel', 'hôtels', 'm', 'place building in'),
  n('library', 'libraries', 'bibliothèque', 'bibliothèques', 'f', 'place building in'),
  n('hospital', 'hospitals', 'hôpital', 'hôpitaux', 'm', 'place building in'),
  n('office', 'offices', 'bureau', 'bureaux', 'm', 'place building in'),
  n('church', 'churches', 'église', 'églises', 'f', 'place building in'),
  n('bread', null, 'pain', null, 'm', 'food'),
  n('cheese', null, 'fromage', null, 'm', 'food'),
  n('rice', null, 'riz', null, 'm', 'food'),
  n('meat', null, 'viande', null, 'f', 'food'),
  n('chocolate', null, 'chocolat', null, 'm', 'food'),
  n('soup', null, 'soupe', null, 'f', 'food temp'),
  n('cake', 'cakes', 'gâteau', 'gâteaux', 'm', 'food'),
  n('apple', 'apples', 'pomme', 'pommes', 'f', 'food'),
  n('egg', 'eggs', 'œuf', 'œufs', 'm', 'food'),
  n('banana', 'bananas', 'banane', 'bananes', 'f', 'food'),
  n('water', null, 'eau', null, 'f', 'drink temp'),
  n('milk', null, 'lait', null, 'm', 'drink temp'),
  n('coffee', null, 'café', null, 'm', 'drink temp'),
  n('tea', null, 'thé', null, 'm', 'drink temp'),
  n('juice', null, 'jus', null, 'm', 'drink'),
  n('wine', null, 'vin', null, 'm', 'drink'),
  n('learning', null, 'apprentissage', null, 'm', 'idea learning'),
  n('music', null, 'musique', null, 'f', 'idea art'),
  n('history', null, 'histoire', null, 'f', 'idea field'),
  n('science', null, 'science', null, 'f', 'idea field'),
  n('chemistry', null, 'chimie', null, 'f', 'idea field'),
  n('art', null, 'art', null, 'm', 'idea art'),
  n('poetry', null, 'poésie', null, 'f', 'idea art'),
  n('dance', null, 'danse', null, 'f', 'idea art'),
  n('cinema', null, 'cinéma', null, 'm', 'idea art'),
  n('sport', null, 'sport', null, 'm', 'idea'),
  n('french', null, 'français', null, 'm', 'idea language'),
  n('english', null, 'anglais', null, 'm', 'idea language'),
];

function a(en: string, fr: string, pos: Adjective['pos'], scale: string, fits: string, more: Partial<Pick<Adjective, 'beforeVowel' | 'predicative'>> = {}): Adjective {
  const f = fr.split(' ');
  const forms = f.length === 1 ? [f[0], f[0], `${f[0]}s`, `${f[0]}s`] : f; // rouge: one form + s
  return { en, fr: [forms[0], forms[1], forms[2], forms[3]], pos, scale, fits: tags(fits), beforeVowel: null, predicative: true, ...more };
}

// Bright colours for things and plants, plain ones for animals too: no green dogs.
const BRIGHT = 'thing vehicle plant';
const PLAIN = 'thing vehicle animal';

export const ADJECTIVES: readonly Adjective[] = [
  a('red', 'rouge', 'colour', 'colour', BRIGHT),
  a('blue', 'bleu bleue bleus bleues', 'colour', 'colour', BRIGHT),
  a('green', 'vert verte verts vertes', 'colour', 'colour', BRIGHT),
  a('yellow', 'jaune', 'colour', 'colour', BRIGHT),
  a('black', 'noir noire noirs noires', 'colour', 'colour', PLAIN),
  a('white', 'blanc blanche blancs blanches', 'colour', 'colour', PLAIN),
  a('grey', 'gris grise gris grises', 'colour', 'colour', PLAIN),
  a('big', 'grand grande grands grandes', 'pre', 'size', 'animal thing vehicle plant place'),
  a('small', 'petit petite petits petites', 'pre', 'size', 'person animal thing vehicle plant place'),
  a('good', 'bon bonne bons bonnes', 'pre', 'good', 'food drink readable'),
  a('beautiful', 'beau belle beaux belles', 'pre', 'beauty', 'person animal thing vehicle plant place', { beforeVowel: 'bel' }),
  a('young', 'jeune', 'pre', 'age', 'person animal'),
  a('old', 'vieux vieille vieux vieilles', 'pre', 'age', 'adult animal thing vehicle plant building', { beforeVowel: 'vieil' }),
  a('new', 'nouveau nouvelle nouveaux nouvelles', 'pre', 'age', 'person thing vehicle building', { beforeVowel: 'nouvel', predicative: false }),
  a('happy', 'heureux heureuse heureux heureuses', 'post', 'mood', 'person animal'),
  a('sad', 'triste', 'post', 'mood', 'person animal'),
  a('tired', 'fatigué fatiguée fatigués fatiguées', 'post', 'mood', 'person animal'),
  a('fast', 'rapide', 'post', 'speed', 'animal vehicle'),
  a('slow', 'lent lente lents lentes', 'post', 'speed', 'animal vehicle'),
  a('hot', 'chaud chaude chauds chaudes', 'post', 'temperature', 'temp'),
  a('cold', 'froid froide froids froides', 'post', 'temperature', 'temp water'),
  a('deep', 'profond profonde profonds profondes', 'post', 'depth', 'learning water'),
  // English "machine learning" is a noun modifier; French makes it an adjective after the noun.
  a('machine', 'automatique', 'post', 'kind', 'learning', { predicative: false }),
  a('expensive', 'cher chère chers chères', 'post', 'price', 'thing vehicle building'),
  a('delicious', 'délicieux délicieuse délicieux délicieuses', 'post', 'good', 'food drink'),
  a('empty', 'vide', 'post', 'fullness', 'container'),
  a('interesting', 'intéressant intéressante intéressants intéressantes', 'post', 'interest', 'field art readable'),
  a('difficult', 'difficile', 'post', 'difficulty', 'field'),
  a('easy', 'facile', 'post', 'difficulty', 'field'),
  a('modern', 'moderne', 'post', 'age', 'field art building'),
  a('classical', 'classique', 'post', 'age', 'art'),
];

function v(en: string, fr: string, subject: string, object: string, bare: Verb['bare'] = null, clitic = false): Verb {
  const e = en.split(' ');
  const f = fr.split(' ');
  return { en: [e[0], e[1]], fr: [f[0], f[1], f[2], f[3], f[4]], subject: tags(subject), object: tags(object), bare, clitic };
}

export const VERBS: readonly Verb[] = [
  v('love loves', 'aime aimes aime aimons aiment', 'person animal', 'person animal thing vehicle plant place food drink idea', 'generic', true),
  v('hate hates', 'déteste détestes déteste détestons détestent', 'person', 'person animal thing vehicle food drink idea', 'generic', true),
  v('prefer prefers', 'préfère préfères préfère préférons préfèrent', 'person', 'animal food drink idea', 'generic'),
  v('see sees', 'vois vois voit voyons voient', 'person animal', 'person animal thing vehicle plant place', null, true),
  v('watch watches', 'regarde regardes regarde regardons regardent', 'person animal', 'person animal vehicle', null, true),
  v('know knows', 'connais connais connaît connaissons connaissent', 'person animal', 'person place', null, true),
  v('eat eats', 'mange manges mange mangeons mangent', 'person animal', 'food', 'partitive'),
  v('drink drinks', 'bois bois boit buvons boivent', 'person animal', 'drink', 'partitive'),
  v('want wants', 'veux veux veut voulons veulent', 'person animal', 'animal thing vehicle food drink', 'partitive'),
  v('buy buys', 'achète achètes achète achetons achètent', 'person', 'thing vehicle building food drink', 'partitive'),
  v('have has', 'ai as a avons ont', 'person', 'person animal thing vehicle building'),
  v('read reads', 'lis lis lit lisons lisent', 'person', 'readable'),
  v('write writes', 'écris écris écrit écrivons écrivent', 'person', 'writable'),
  v('open opens', 'ouvre ouvres ouvre ouvrons ouvrent', 'person', 'openable'),
  v('find finds', 'trouve trouves trouve trouvons trouvent', 'person animal', 'animal thing vehicle'),
  v('study studies', 'étudie étudies étudie étudions étudient', 'person', 'field art language learning', 'generic'),
  v('learn learns', 'apprends apprends apprend apprenons apprennent', 'person', 'field art language', 'generic'),
];

/** "to be", kept apart from VERBS because it takes adjectives and places, not objects. */
export const ETRE = ['suis', 'es', 'est', 'sommes', 'sont'] as const;

export interface Pronoun {
  en: string; // subject form
  enObj: string;
  fr: string;
  frObj: string; // the clitic before the verb (elided to m', t', l' by the French pass)
  person: 0 | 1 | 2 | 3 | 4; // index into Verb.fr: je, tu, il/elle, nous, ils
  gender: Gender; // "I", "you", "we", "they" agree as masculine: "je suis heureux"
  plural: boolean;
}

// English "you" is always tu and "they" always ils, so each English sentence has exactly one
// French translation; "it" is left out because il/elle would depend on an unseen antecedent.
export const PRONOUNS = {
  i: { en: 'i', enObj: 'me', fr: 'je', frObj: 'me', person: 0, gender: 'm', plural: false },
  you: { en: 'you', enObj: 'you', fr: 'tu', frObj: 'te', person: 1, gender: 'm', plural: false },
  he: { en: 'he', enObj: 'him', fr: 'il', frObj: 'le', person: 2, gender: 'm', plural: false },
  she: { en: 'she', enObj: 'her', fr: 'elle', frObj: 'la', person: 2, gender: 'f', plural: false },
  we: { en: 'we', enObj: 'us', fr: 'nous', frObj: 'nous', person: 3, gender: 'm', plural: true },
  they: { en: 'they', enObj: 'them', fr: 'ils', frObj: 'les', person: 4, gender: 'm', plural: true },
} as const satisfies Record<string, Pronoun>;
export type PronounKey = keyof typeof PRONOUNS;

/** A determiner; 'bare' is no English determiner (generic or partitive, from the verb). */
export type Det = 'the' | 'a' | 'my' | 'your' | 'his' | 'her' | 'our' | 'their' | 'this' | 'two' | 'three' | 'bare';

/** English [singular, plural] and French [masc sg, fem sg, plural]; null where impossible. */
export const DETERMINERS: Record<Exclude<Det, 'bare'>, { en: readonly [string | null, string | null]; fr: readonly [string | null, string | null, string | null] }> = {
  the: { en: ['the', 'the'], fr: ['le', 'la', 'les'] },
  a: { en: ['a', null], fr: ['un', 'une', null] },
  my: { en: ['my', 'my'], fr: ['mon', 'ma', 'mes'] },
  your: { en: ['your', 'your'], fr: ['ton', 'ta', 'tes'] },
  his: { en: ['his', 'his'], fr: ['son', 'sa', 'ses'] },
  her: { en: ['her', 'her'], fr: ['son', 'sa', 'ses'] },
  our: { en: ['our', 'our'], fr: ['notre', 'notre', 'nos'] },
  their: { en: ['their', 'their'], fr: ['leur', 'leur', 'leurs'] },
  this: { en: ['this', 'these'], fr: ['ce', 'cette', 'ces'] },
  two: { en: [null, 'two'], fr: [null, null, 'deux'] },
  three: { en: [null, 'three'], fr: [null, null, 'trois'] },
};

export type PrepKey = 'in' | 'on' | 'under' | 'behind' | 'with';

/** Prepositions and the nouns they take; none contracts with le (no à/de: au, du). */
export const PREPOSITIONS: Record<PrepKey, { fr: string; fits: readonly Tag[] }> = {
  in: { fr: 'dans', fits: tags('in') },
  on: { fr: 'sur', fits: tags('on') },
  under: { fr: 'sous', fits: tags('under') },
  behind: { fr: 'derrière', fits: tags('under building') },
  with: { fr: 'avec', fits: tags('person animal') },
};

/** Whether any of a word's tags is among the wanted ones. */
export function fitsAny(have: readonly Tag[], want: readonly Tag[]): boolean {
  return have.some((t) => want.includes(t));
}

export const NOUN_BY_EN = new Map(NOUNS.map((x) => [x.en, x]));
export const ADJ_BY_EN = new Map(ADJECTIVES.map((x) => [x.en, x]));
export const VERB_BY_EN = new Map(VERBS.map((x) => [x.en[0], x]));
