// Kept apart from test-app.ts so browser tests can use it without loading the server.

/** A valid inquiry body; pass fields to override. */
export function inquiryBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Jane Buyer',
    email: 'jane@buyer.example',
    company: 'Buyer GmbH',
    country: 'Germany',
    phone: '+49 30 1234567',
    message: 'Please quote 500 pieces of DN50 ball valves, delivery to Hamburg.',
    quantity: 500,
    unit: 'pieces',
    product: { name: 'Ball Valve DN50', sku: 'BV-50', url: 'https://hengda.example/p/bv-50' },
    page: {
      url: 'https://hengda.example/news/1',
      referrer: 'https://search.example/',
      language: 'de-DE',
      timezone: 'Europe/Berlin',
    },
    ...over,
  };
}
