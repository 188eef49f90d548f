/**
 * The words of the coref world as plain data: who and what exists, which predicates fit
 * which things, and the verbs that relate them. Everything the generator says comes from
 * these lists (plus the few function words its templates spell out), so the world runs in a
 * browser with nothing else beside it. The lists cover the project's coreference lexicon
 * (../shared/coref/lexicon.json, checked by test/data/coref-world-vocab.test.ts) and add the
 * plurals and small words the richer sentences need.
 */

export const FEMALE_NAMES = [
  'Mary', 'Anna', 'Emma', 'Sarah', 'Lucy', 'Alice', 'Sophie', 'Lily', 'Kate', 'Julia',
  'Maria', 'Emily', 'Grace', 'Olivia', 'Nina', 'Laura', 'Rosa', 'Hannah', 'Zoe', 'Clara',
] as const;

export const MALE_NAMES = [
  'John', 'Tom', 'David', 'James', 'Peter', 'Sam', 'Jack', 'Paul', 'Mark', 'Ben',
  'Leo', 'Max', 'Oscar', 'Daniel', 'Henry', 'Adam', 'Lucas', 'Noah', 'Ethan', 'Omar',
] as const;

/** Gendered people; the plural is listed only where the world uses it. */
export const FEMALE_NOUNS: Record<string, string | null> = {
  woman: 'women', girl: 'girls', mother: null, sister: 'sisters', queen: null, aunt: null,
  grandmother: null, daughter: 'daughters', wife: null, princess: null, niece: null,
  granddaughter: null,
};

export const MALE_NOUNS: Record<string, string | null> = {
  man: 'men', boy: 'boys', father: null, brother: 'brothers', king: null, uncle: null,
  grandfather: null, son: 'sons', husband: null, prince: null, nephew: null, grandson: null,
};

/** People whose gender the word leaves open: "the teacher" may be he or she. */
export const PEOPLE: Record<string, string> = {
  teacher: 'teachers', student: 'students', doctor: 'doctors', nurse: 'nurses',
  driver: 'drivers', farmer: 'farmers', child: 'children', baby: 'babies', friend: 'friends',
  neighbor: 'neighbors', chef: 'chefs', pilot: 'pilots', artist: 'artists', writer: 'writers',
  singer: 'singers', lawyer: 'lawyers', officer: 'officers', scientist: 'scientists',
  engineer: 'engineers', customer: 'customers', player: 'players', coach: 'coaches',
  judge: 'judges', worker: 'workers',
};

/** Animals; "sheep" and "deer" have no plural here, since theirs would read as singular. */
export const ANIMALS: Record<string, string | null> = {
  cat: 'cats', dog: 'dogs', mouse: 'mice', bird: 'birds', horse: 'horses', cow: 'cows',
  fox: 'foxes', rabbit: 'rabbits', lion: 'lions', tiger: 'tigers', bear: 'bears',
  wolf: 'wolves', duck: 'ducks', monkey: 'monkeys', elephant: 'elephants', sheep: null,
  pig: 'pigs', frog: 'frogs', owl: 'owls', deer: null, animal: 'animals', puppy: 'puppies',
  kitten: 'kittens', goat: 'goats',
};

/** Predicates any living thing can have (people and animals alike). */
export const ANIMATE_PREDICATES = [
  'afraid', 'angry', 'bored', 'brave', 'curious', 'excited', 'happy', 'hungry', 'hurt',
  'lazy', 'lonely', 'nervous', 'old', 'sad', 'scared', 'sick', 'sleepy', 'slow', 'thirsty',
  'tired', 'upset', 'weak', 'worried',
] as const;

/** Predicates of people in social sentences ("Tom called Alice because she was late"). */
export const HUMAN_PREDICATES = [
  'tired', 'busy', 'happy', 'sad', 'angry', 'worried', 'sick', 'lonely', 'bored', 'nervous',
  'grateful', 'upset', 'late', 'proud', 'sorry', 'hungry', 'excited', 'scared',
] as const;

/** Reasons a living thing would not cross a place: "too tired", "too scared". */
export const CROSS_REASONS = [
  'tired', 'scared', 'slow', 'sleepy', 'lazy', 'weak', 'nervous', 'afraid', 'old', 'sick', 'hurt',
] as const;

/** Things in a scene, each with the predicates only it (not an animal) can have. */
export const SCENE_OBJECTS: Record<string, readonly string[]> = {
  mat: ['soft', 'thin', 'new', 'clean', 'thick'],
  bed: ['soft', 'warm', 'comfortable', 'big', 'new'],
  rug: ['soft', 'warm', 'thick', 'new', 'clean'],
  blanket: ['soft', 'warm', 'thick', 'clean', 'new'],
  sofa: ['soft', 'comfortable', 'new', 'old', 'big'],
  pillow: ['soft', 'clean', 'new', 'fluffy', 'big'],
  box: ['empty', 'broken', 'open', 'new', 'square'],
  basket: ['empty', 'broken', 'full', 'new', 'round'],
  table: ['broken', 'wobbly', 'wooden', 'clean', 'round'],
  chair: ['broken', 'wobbly', 'wooden', 'comfortable', 'new'],
  bench: ['broken', 'wooden', 'painted', 'clean', 'long'],
  fence: ['broken', 'painted', 'wooden', 'low', 'new'],
  car: ['parked', 'broken', 'new', 'clean', 'red'],
  ball: ['round', 'new', 'red', 'blue', 'bouncy'],
  rock: ['flat', 'warm', 'smooth', 'big', 'round'],
  wall: ['warm', 'painted', 'low', 'cracked', 'long'],
  bag: ['empty', 'open', 'full', 'new', 'leather'],
  tree: ['tall', 'green', 'big', 'leafy', 'shady'],
};

/** Things an animal does to a scene object, past tense, preposition included. */
export const SCENE_VERBS = [
  'sat on', 'slept on', 'jumped on', 'lay on', 'played with', 'looked at', 'walked past',
  'sniffed', 'hid under', 'stood near', 'climbed on', 'ran around',
] as const;

/** Places to cross, each with the predicates only it can have. */
export const PLACES: Record<string, readonly string[]> = {
  street: ['wide', 'busy', 'crowded', 'icy', 'long'],
  road: ['wide', 'busy', 'icy', 'long', 'muddy'],
  river: ['wide', 'deep', 'fast', 'high', 'flooded'],
  bridge: ['narrow', 'long', 'icy', 'high', 'broken'],
  field: ['wide', 'muddy', 'big', 'long', 'wet'],
};

/** What people do to people, past tense. */
export const HUMAN_VERBS = [
  'thanked', 'called', 'helped', 'visited', 'hugged', 'met', 'invited', 'trusted', 'praised',
  'warned', 'followed', 'admired', 'phoned', 'forgave', 'welcomed', 'ignored', 'avoided', 'blamed',
] as const;

/** What animals (or people) do to each other in the number cases. */
export const PAIR_VERBS = ['followed', 'watched', 'avoided', 'visited', 'chased'] as const;

/**
 * Winograd verbs: the first predicate points the pronoun at the subject, the second at the
 * object ("Tom thanked Jack because he was grateful / helpful").
 */
export const WINOGRAD_VERBS: readonly (readonly [verb: string, subject: string, object: string])[] = [
  ['thanked', 'grateful', 'helpful'], ['scolded', 'angry', 'rude'], ['comforted', 'kind', 'sad'],
  ['helped', 'kind', 'lost'], ['beat', 'fast', 'slow'], ['praised', 'impressed', 'talented'],
  ['feared', 'scared', 'dangerous'], ['visited', 'free', 'sick'], ['hired', 'busy', 'skilled'],
  ['fired', 'angry', 'lazy'], ['envied', 'jealous', 'famous'],
  ['congratulated', 'proud', 'successful'],
];

export const FIT_ITEMS: Record<string, string> = {
  trophy: 'trophies', ball: 'balls', book: 'books', cake: 'cakes', lamp: 'lamps',
  laptop: 'laptops', bottle: 'bottles', toy: 'toys', guitar: 'guitars', umbrella: 'umbrellas',
  pillow: 'pillows', blanket: 'blankets', coat: 'coats', helmet: 'helmets',
  painting: 'paintings', clock: 'clocks',
};

export const FIT_CONTAINERS = [
  'suitcase', 'box', 'bag', 'basket', 'drawer', 'cupboard', 'backpack', 'car', 'closet', 'case',
] as const;

/** "too big" points at the thing that did not fit; "too small" at its container. */
export const FIT_BIG = ['big', 'large', 'long', 'wide', 'tall'] as const;
export const FIT_SMALL = ['small', 'tiny', 'narrow', 'full', 'short'] as const;

export const HEAVY_OBJECTS = [
  'box', 'table', 'suitcase', 'rock', 'bag', 'chair', 'sofa', 'bed', 'piano', 'bucket', 'barrel', 'log',
] as const;

/** "The aunt couldn't lift her niece": lifter, lifted, and the pronoun both share. */
export const LIFT_PAIRS: readonly (readonly [string, string, 'he' | 'she'])[] = [
  ['man', 'son', 'he'], ['woman', 'daughter', 'she'], ['father', 'son', 'he'],
  ['mother', 'daughter', 'she'], ['boy', 'brother', 'he'], ['girl', 'sister', 'she'],
  ['grandfather', 'grandson', 'he'], ['grandmother', 'granddaughter', 'she'],
  ['uncle', 'nephew', 'he'], ['aunt', 'niece', 'she'],
];

/** "too weak" points at the lifter; "too heavy" at what is lifted. */
export const LIFT_WEAK = ['weak', 'tired', 'old'] as const;
export const LIFT_HEAVY = ['heavy', 'big', 'large'] as const;

/** Younger relatives a person may try to lift ("The mother couldn't lift her son"). */
export const LIFTABLE_KIN = [
  'son', 'daughter', 'brother', 'sister', 'nephew', 'niece', 'grandson', 'granddaughter',
] as const;

/** Adults who do the lifting when the pair is not one of LIFT_PAIRS. */
export const LIFTERS = [
  'man', 'woman', 'father', 'mother', 'uncle', 'aunt', 'grandfather', 'grandmother', 'boy', 'girl',
] as const;
