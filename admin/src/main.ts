// The editors' console, registered here rather than by decorators: the widget package marks its
// modules free of side effects, so a module that only registers an element would be left out of
// the bundle.
import { ConsoleApp } from './console-app.js';
import { NewPollScreen } from './screens/new-poll-screen.js';
import { PollScreen } from './screens/poll-screen.js';
import { PollsScreen } from './screens/polls-screen.js';
import { RatingsScreen } from './screens/ratings-screen.js';
import { SharesScreen } from './screens/shares-screen.js';
import { SignInScreen } from './screens/sign-in-screen.js';

const elements = {
  'aw-console': ConsoleApp,
  'aw-sign-in-screen': SignInScreen,
  'aw-polls-screen': PollsScreen,
  'aw-new-poll-screen': NewPollScreen,
  'aw-poll-screen': PollScreen,
  'aw-ratings-screen': RatingsScreen,
  'aw-shares-screen': SharesScreen,
};

for (const [tag, element] of Object.entries(elements)) if (!customElements.get(tag)) customElements.define(tag, element);
