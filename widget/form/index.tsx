// First import: it must run before zod does (see the file).
import { removeZodGlobal } from './zod-global';
import { render } from 'preact';
import { pageContext } from './build-inquiry';
import { createActions } from './actions';
import { InquiryDialog } from './inquiry-dialog';
import { createState } from './state';
import type { FormHandle, FormOptions } from '../form-api';
import { report } from '../guard';
import { localeFor } from '../i18n/locale';
import { appendHost, attachRoot } from '../mount';
import base from '../styles/base.css?inline';
import { en } from './i18n/en';
import formCss from './form.css?inline';

removeZodGlobal();

/**
 * Stage two, dist/widget-form.js: mounts the inquiry dialog at the end of `<body>` and returns
 * the handle the loader opens and closes it with.
 */
export function mountForm({ api, settings, config }: FormOptions): FormHandle {
  const locale = localeFor({ en }, settings.lang);
  const state = createState();
  config
    .then((value) => {
      state.config.value = value;
    })
    .catch(report);
  const actions = createActions({
    state,
    api,
    texts: locale.texts,
    rep: settings.rep,
    page: () =>
      pageContext({ location, referrer: document.referrer, language: navigator.language }),
  });
  // Preact owns a container of its own: it would remove a fallback <style> in the root itself.
  const container = document.createElement('div');
  attachRoot(appendHost('liaison-dialog'), base + formCss).append(container);
  render(<InquiryDialog state={state} actions={actions} locale={locale} />, container);
  return { open: actions.open, close: actions.close };
}
