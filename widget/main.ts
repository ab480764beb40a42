import { guard, report } from './guard';
import { installNamespace } from './namespace';
import { loadSettings } from './settings';
import { startWidget } from './start';
import base from './styles/base.css?inline';
import card from './styles/card.css?inline';
import launcher from './styles/launcher.css?inline';
import notice from './styles/notice.css?inline';

// The entry of dist/widget.js (stage one). Everything runs inside `guard`: the widget may
// fail, the host page must not. Settings are read right now, while `document.currentScript`
// is still set.
guard(() => {
  const settings = loadSettings();
  const namespace = installNamespace(window);
  // Null: the script is on the page twice and the first copy already runs.
  if (!namespace) return;
  if (!settings.ok) return report(settings.reason);
  startWidget({ settings: settings.settings, namespace, css: { base, card, launcher, notice } });
})();
