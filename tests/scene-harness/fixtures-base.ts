/** English labels and a default look, shared by every fixture. */
import type { PhoneLabels, PhoneLook } from '../../src/ui/phone-screen';

export const LABELS: PhoneLabels = {
  answer: 'Answer',
  decline: 'Decline',
  hangUp: 'Hang up',
  accept: 'Accept',
  ignore: 'Ignore',
  typing: 'typing…',
  read: 'Read',
  delivered: 'Delivered',
  hiddenImage: 'Image hidden',
  blocked: 'You blocked this account.',
  messagePlaceholder: 'Message…',
  directory: 'Official numbers',
  calling: 'Calling…',
  cameraOff: 'Camera shows a badge only',
  unsupported:
    'This part of the story cannot be shown on the phone. Use the buttons beside it, or leave.',
  actions: {
    block: 'Block',
    report: 'Report',
    screenshot: 'Screenshot',
    'tell-adult': 'Tell someone',
    'hang-up': 'Hang up',
    'call-back': 'Call back',
  },
};

export const LOOK: PhoneLook = { reducedMotion: false, highContrast: false, textScale: 1 };
