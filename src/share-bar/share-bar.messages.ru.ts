import type { Translation } from '../internal/i18n.js';
import type { ShareStrings } from './share-bar.messages.js';

/** The strings of <share-bar> in Russian: a module of its own, loaded on first use. */
const ru: Translation<ShareStrings> = {
  shareLabel: 'Поделиться статьёй',
  shareOn: 'Поделиться в {network}',
  shareNames: { vk: 'ВКонтакте', ok: 'ОК', email: 'E-mail', copy: 'Копировать ссылку', native: 'Ещё' },
  shareActions: { email: 'Отправить по e-mail', native: 'Ещё способы поделиться' },
};

export default ru;
