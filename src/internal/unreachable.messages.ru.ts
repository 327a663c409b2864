import type { UnreachableStrings } from './unreachable.messages.js';

/** Russian for unreachable.messages.ts. */
export default {
  retry: 'Повторить',
  failureLoad: 'Не удалось загрузить свежие данные.',
  failureNetwork: 'Не удалось связаться с сервером. Ваш голос не учтён.',
} satisfies UnreachableStrings;
