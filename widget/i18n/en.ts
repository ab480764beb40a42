/** The loader's English texts (card and launcher); the form's are in form/i18n/en.ts. */
export const en = {
  cardHeading: 'Online Service',
  cardFallbackName: 'Our sales team',
  available: 'Online now',
  away: 'Away, replies by email',
  repliesWithin: 'Usually replies within {hours} hours',
  backAt: 'Back {when}, your time',
  leaveMessage: 'Leave a message',
  contactNow: 'Contact Now',
  launcher: 'Contact us',
  formFailed: 'The form could not be loaded. Please check your connection and try again.',
};

/** The shape every locale of the loader provides. */
export type CardTexts = { readonly [K in keyof typeof en]: string };
