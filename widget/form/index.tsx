import { effect, onChange } from './signal';
import { render } from 'preact';
import { pageContext } from './build-inquiry';
import { createActions } from './actions';
import { createConversationActions } from './conversation-actions';
import { createEvents, emitOpenAndClose } from './events';
import { InquiryDialog } from './inquiry-dialog';
import { followConversation } from './live-updates';
import { createOutboxStore } from './outbox-store';
import { createBasketStore } from './basket';
import { BasketButton } from './basket-button';
import { readPrefill } from './prefill';
import { createState } from './state';
import { createThreadState } from './thread-state';
import { createTokenStore } from './token-store';
import { createConversationApi, createInquiryApi, createUploadApi } from '../api';
import type { FormHandle, FormOptions } from '../form-api';
import { report, warn } from '../guard';
import { configContext } from '../config-context';
import { toProduct } from '../product';
import type { Locale } from '../i18n/locale';
import { isTextList, mergeTexts, textsByKey, unknownKeys } from '../i18n/merge-texts';
import type { TextList } from '../../contract/widget-config';
import type { FormTexts } from './i18n/en';
import { FORM_TEXT_KEYS } from './i18n/keys';
import formCss from './form.css?inline';
import formPartsCss from './form-parts.css?inline';
import threadCss from './thread.css?inline';

/**
 * Stage two, dist/widget-form.js: mounts the dialog (inquiry form and the visitor's thread) at
 * the end of `<body>` and returns the handle the loader opens and closes it with. Nothing is
 * fetched here but the thread, when the dialog opens on it. The texts (this module carries
 * none) come with the config answer the loader asks for beside this module.
 */
export function mountForm(options: FormOptions): FormHandle {
  if (options.texts) return mountWithTexts(options, options.texts);
  // A loader of an older release brought none in English (it had English inline): ask now,
  // mount when the texts are here, and ask again at the next call if they did not come. `open`
  // and `add` hand that failure to the loader, which tells the visitor.
  const { api, settings, language } = options;
  const ask = () =>
    api.loadConfig({ ...configContext(settings), ui: language?.lang ?? 'en' }).then((result) => {
      const texts = result.ok && result.config.texts;
      if (!texts) throw new Error(`no texts: ${result.ok ? 'none in the config' : result.code}`);
      const config = Promise.resolve(result.config);
      // Asked without `-list`, as an older loader would: the texts come by key.
      const cardTexts = isTextList(texts.card) ? {} : texts.card;
      return mountWithTexts({ ...options, config, cardTexts }, texts.form);
    });
  let form = ask();
  form.catch(report);
  const later =
    <A extends unknown[]>(act: (handle: FormHandle, ...args: A) => void) =>
    (...args: A) =>
      (form = form.catch(ask)).then((handle) => act(handle, ...args));
  const reported =
    <A extends unknown[]>(act: (handle: FormHandle, ...args: A) => void) =>
    (...args: A) => {
      later(act)(...args).catch(report);
    };
  return {
    open: later((handle, product) => handle.open(product)),
    add: later((handle, product) => handle.add(product)),
    close: reported((handle) => handle.close()),
    prefill: reported((handle, values) => handle.prefill(values)),
    on: reported((handle, event, handler) => handle.on(event, handler)),
  };
}

/**
 * Mounts the dialog speaking `texts` (the config answer's, every key: listed in keys.ts' order,
 * or by key), the site's wording first.
 */
function mountWithTexts(
  { settings, config, mount, language, cardTexts = {} }: FormOptions,
  answered: Readonly<Record<string, string>> | TextList,
): FormHandle {
  // The server sends a whole pack (packs.test.ts holds every pack to English's keys).
  const texts = textsByKey(answered, FORM_TEXT_KEYS) as FormTexts;
  const locale: Locale<FormTexts> = {
    lang: language?.lang ?? 'en',
    dir: language?.dir ?? 'ltr',
    texts: mergeTexts(texts, settings.texts),
  };
  // Here, not in the loader: it mounts once per page, and has both stages' keys.
  const unknown = unknownKeys(settings.texts, cardTexts, texts);
  if (unknown.length > 0)
    warn(`liaisonSettings.texts: unknown keys ignored: ${unknown.join(', ')}`);
  const state = createState();
  const tokens = createTokenStore({ site: settings.site });
  const thread = createThreadState(tokens.get());
  const conversationApi = createConversationApi({ origin: settings.apiOrigin });
  const events = createEvents();
  config
    .then((value) => {
      state.config.value = value;
    })
    .catch(report);
  const actions = createActions({
    state,
    api: createInquiryApi({ origin: settings.apiOrigin, site: settings.site }),
    texts: locale.texts,
    rep: settings.rep,
    page: () =>
      pageContext({ location, referrer: document.referrer, language: navigator.language }),
    onCreated: (created) => {
      // Kept only now: a visitor who never sent anything leaves nothing in the browser. (Runs
      // after a send, long after `conversation` below exists.)
      conversation.remember(created.token);
      // The page hears of it too, without the token: that is the visitor's key to the thread.
      events.emit('sent', {
        inquiryId: created.id,
        // A copy: the page's handler must not change what the sent view shows.
        rep: created.rep && { name: created.rep.name },
      });
    },
    // An inquiry that got no answer waits here, across page views, until the server has it.
    outbox: { store: createOutboxStore({ site: settings.site }) },
    basket: createBasketStore({ site: settings.site }),
    upload: createUploadApi({ origin: settings.apiOrigin, site: settings.site }),
  });
  const conversation = createConversationActions({
    state,
    thread,
    form: actions,
    api: conversationApi,
    tokens,
    texts: locale.texts,
  });
  // The conversation page: the visitor followed their own mail link, which counts as theirs.
  if (settings.conversation) conversation.remember(settings.conversation);
  // An earlier page view's unsent inquiry (why the loader may have loaded this module at all).
  actions.resume();

  emitOpenAndClose(state, events);

  // What the basket said is done with once the visitor opens the dialog (a full basket's note
  // stays on screen until then).
  effect(() => {
    if (state.open.value) state.basketNote.value = null;
  });

  // New messages appear while the thread is on screen, and only then.
  effect(() => {
    const token = thread.token.value;
    if (!state.open.value || state.view.value !== 'thread' || !token) return;
    return followConversation({
      url: conversationApi.eventsUrl(token),
      onChange: conversation.reload,
    });
  });

  // Preact owns a container of its own: it would remove a fallback <style> in the root itself.
  const container = document.createElement('div');
  mount('liaison-dialog', formCss + formPartsCss + threadCss).append(container);
  const draw = () =>
    render(
      <>
        <InquiryDialog
          state={state}
          thread={thread}
          actions={actions}
          conversation={conversation}
          locale={locale}
        />
        <BasketButton state={state} locale={locale} onOpen={() => conversation.open()} />
      </>,
      container,
    );
  // Any change re-renders the dialog from its root (see signal.ts), once per task.
  let drawing = false;
  onChange(() => {
    if (drawing) return;
    drawing = true;
    queueMicrotask(() => {
      drawing = false;
      draw();
    });
  });
  draw();
  return {
    open: (product) => conversation.open(toProduct(product, location.href)),
    close: actions.close,
    add(fields) {
      const product = toProduct(fields, location.href);
      if (product) actions.add(product);
      else report('liaison add: no product name');
    },
    prefill(options) {
      const { values, ignored } = readPrefill(options);
      if (ignored.length > 0) warn(`liaison('prefill'): ignored ${ignored.join(', ')}`);
      actions.prefill(values);
    },
    on: events.on,
  };
}
