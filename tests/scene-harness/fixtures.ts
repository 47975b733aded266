/** Every fixture the harness can show, by name. Scene authors add theirs in fixtures-*.ts. */
import type { DebriefPicture, PhoneScreen } from '../../src/ui/phone-screen';
import { LABELS, LOOK } from './fixtures-base';
import { CALL_FIXTURES } from './fixtures-call';
import { CHAT_FIXTURES } from './fixtures-chat';
import { DEBRIEF_FIXTURES } from './fixtures-debrief';

export const FIXTURES: Record<string, PhoneScreen | DebriefPicture> = {
  home: { view: 'home', status: 'No new messages', clock: '16:02', labels: LABELS, look: LOOK },
  unsupported: {
    view: 'unsupported',
    status: '',
    clock: '16:02',
    labels: LABELS,
    look: LOOK,
  },
  ...DEBRIEF_FIXTURES,
  ...CALL_FIXTURES,
  ...CHAT_FIXTURES,
};
