/** The papers this lesson draws on, listed on its last step. */
import type { Reference } from '../../../src/components/lesson/References.tsx';

export const LESSON_REFERENCES: readonly Reference[] = [
  { authors: 'Vaswani, Shazeer, Parmar, Uszkoreit, Jones, Gomez, Kaiser & Polosukhin', year: 2017, title: 'Attention Is All You Need', url: 'https://arxiv.org/abs/1706.03762' },
  { authors: 'He, Zhang, Ren & Sun', year: 2016, title: 'Deep Residual Learning for Image Recognition', url: 'https://arxiv.org/abs/1512.03385' },
  { authors: 'Ba, Kiros & Hinton', year: 2016, title: 'Layer Normalization', url: 'https://arxiv.org/abs/1607.06450' },
  { authors: 'Hendrycks & Gimpel', year: 2016, title: 'Gaussian Error Linear Units (GELUs)', url: 'https://arxiv.org/abs/1606.08415' },
  { authors: 'Radford, Narasimhan, Salimans & Sutskever', year: 2018, title: 'Improving Language Understanding by Generative Pre-Training', url: 'https://cdn.openai.com/research-covers/language-unsupervised/language_understanding_paper.pdf' },
  { authors: 'Radford, Wu, Child, Luan, Amodei & Sutskever', year: 2019, title: 'Language Models are Unsupervised Multitask Learners', url: 'https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf' },
  { authors: 'Devlin, Chang, Lee & Toutanova', year: 2019, title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', url: 'https://arxiv.org/abs/1810.04805' },
  { authors: 'Xiong, Yang, He, Zheng, Zheng, Xing, Zhang, Lan, Wang & Liu', year: 2020, title: 'On Layer Normalization in the Transformer Architecture', url: 'https://arxiv.org/abs/2002.04745' },
  { authors: 'Holtzman, Buys, Du, Forbes & Choi', year: 2020, title: 'The Curious Case of Neural Text Degeneration', url: 'https://arxiv.org/abs/1904.09751' },
];
