/**
 * Lesson 6, the Transformer: the encoder-decoder diagram with clickable blocks, encoder
 * self-attention, the decoder's causal mask and why it exists, cross-attention, residual
 * stream and layer norm, the feed-forward network, generation token by token, and BERT
 * against GPT. Every figure computes from the shipped translate-transformer, tiny-gpt and
 * (once shipped) coref models as the student watches.
 */
import type { LessonContent } from '../types.ts';
import './transformer.css';
import { BertVsGptFigure, BertVsGptProse } from './steps/BertVsGpt.tsx';
import { CausalMaskFigure, CausalMaskProse } from './steps/CausalMask.tsx';
import { CrossAttentionFigure, CrossAttentionProse } from './steps/CrossAttention.tsx';
import { EncoderFigure, EncoderProse } from './steps/EncoderAttention.tsx';
import { FeedForwardFigure, FeedForwardProse } from './steps/FeedForward.tsx';
import { GenerationFigure, GenerationProse } from './steps/Generation.tsx';
import { LayerNormFigure, LayerNormProse } from './steps/LayerNormStep.tsx';
import { OverviewFigure, OverviewProse } from './steps/Overview.tsx';
import { ResidualFigure, ResidualProse } from './steps/ResidualStream.tsx';
import { WhyMaskFigure, WhyMaskProse } from './steps/WhyMask.tsx';

export const content: LessonContent = {
  id: 'transformer',
  steps: [
    { id: 'overview', title: 'The whole machine', Prose: OverviewProse, Figure: OverviewFigure },
    { id: 'encoder', title: 'Encoder self-attention: every word sees every word', Prose: EncoderProse, Figure: EncoderFigure },
    { id: 'causal-mask', title: 'Masked self-attention: the causal mask', Prose: CausalMaskProse, Figure: CausalMaskFigure },
    { id: 'why-mask', title: 'Why the mask?', Prose: WhyMaskProse, Figure: WhyMaskFigure },
    { id: 'cross-attention', title: 'Cross-attention: the French asks, the English answers', Prose: CrossAttentionProse, Figure: CrossAttentionFigure },
    { id: 'residual', title: 'Residual connections: the residual stream', Prose: ResidualProse, Figure: ResidualFigure },
    { id: 'layer-norm', title: 'Layer normalisation, before or after', Prose: LayerNormProse, Figure: LayerNormFigure },
    { id: 'feed-forward', title: 'The feed-forward network', Prose: FeedForwardProse, Figure: FeedForwardFigure },
    { id: 'generation', title: 'Generation, token by token', Prose: GenerationProse, Figure: GenerationFigure },
    { id: 'bert-gpt', title: 'BERT against GPT', Prose: BertVsGptProse, Figure: BertVsGptFigure },
  ],
  questionStep: 'why-mask',
};
