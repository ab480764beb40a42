import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromJSONSchema } from 'zod';
import type { InquiryCreated } from '../../contract';
import { addRep, inboxRequest, sendInquiry, signInAs } from '../support/inbox-client';
import { createTestApp, inquiryBody, type TestApp } from '../support/test-app';

type Json = Record<string, unknown>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

let t: TestApp;
let doc: Json;
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as Json;
});
afterAll(async () => {
  // Undefined when beforeAll failed: report that failure, not this one.
  if (t !== undefined) await t.close();
});

const paths = () => doc.paths as Record<string, Record<string, Json>>;
const schemas = () => (doc.components as { schemas: Record<string, Json> }).schemas;
/** A validator made from the document's own JSON Schema of `name`. */
const validator = (name: string) => fromJSONSchema(schemas()[name] ?? {});

describe('/api/openapi.json', () => {
  it('is OpenAPI 3.1 with the server address', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'http://localhost:8787' }]);
  });

  it('lists every /api route the app registers, and no other', () => {
    const registered = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)(?:\{[^}]*\})?/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(paths()).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    expect([...registered].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((d) => !registered.has(d))).toEqual([]);
    expect(registered.size).toBeGreaterThan(20);
  });

  it('declares each path parameter, has unique operation ids, and every $ref resolves', () => {
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(paths())) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map(([, n]) => n);
      for (const [method, op] of Object.entries(ops)) {
        expect(METHODS).toContain(method);
        const params = (op.parameters ?? []) as Array<{ name: string; in: string }>;
        expect(params.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(names);
        expect(ids.has(String(op.operationId))).toBe(false);
        ids.add(String(op.operationId));
        expect(Object.keys(op.responses as Json)).toContain('default');
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map(([, r]) => r);
    expect(refs.length).toBeGreaterThan(50);
    for (const r of refs) {
      expect(r).toMatch(/^#\/components\/schemas\//);
      expect(schemas()[String(r).split('/').pop() ?? '']).toBeDefined();
    }
  });

  it('notes the session cookie on inbox routes and none on the widget API', () => {
    expect(paths()['/api/inbox/me']?.get?.security).toEqual([{ session: [] }]);
    expect(paths()['/api/inbox/admin/rules']?.put?.security).toEqual([{ session: [] }]);
    expect(paths()['/api/v1/sites/{siteKey}/inquiries']?.post?.security).toEqual([]);
    expect(doc.components).toMatchObject({
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'liaison_session' } },
    });
  });

  it('turns query schemas into query parameters', () => {
    const params = paths()['/api/inbox/inquiries']?.get?.parameters as Json[];
    expect(params.map((p) => `${String(p.in)}:${String(p.name)}`)).toEqual([
      'query:status',
      'query:q',
      'query:cursor',
      'query:limit',
    ]);
    const visitor = paths()['/api/inbox/admin/visitor']?.delete?.parameters as Json[];
    expect(visitor).toEqual([expect.objectContaining({ name: 'email', required: true })]);
  });
});

describe('the JSON schemas', () => {
  it('are each valid JSON Schema that zod can read back', () => {
    expect(Object.keys(schemas()).length).toBeGreaterThan(25);
    for (const [name, schema] of Object.entries(schemas())) {
      expect(() => fromJSONSchema(schema), name).not.toThrow();
    }
  });

  it('accept a valid inquiry and refuse what the server refuses', () => {
    const inquiry = validator('InquiryInput');
    expect(inquiry.safeParse(inquiryBody()).success).toBe(true);
    expect(inquiry.safeParse(inquiryBody({ message: 'too short' })).success).toBe(false);
    expect(inquiry.safeParse(inquiryBody({ email: undefined })).success).toBe(false);
    expect(inquiry.safeParse(inquiryBody({ admin: true })).success).toBe(false);
    expect(inquiry.safeParse(inquiryBody({ unit: 'barrels' })).success).toBe(false);
  });

  it('describe what the server really answers', async () => {
    const admin = await addRep(t, { email: 'boss@example.com', role: 'admin' });
    const cookie = await signInAs(t, admin.email);
    const created: InquiryCreated = await sendInquiry(t);
    const answers: Array<[string, Response | Promise<Response>]> = [
      ['WidgetConfig', t.app.request('/api/v1/sites/demo/widget-config')],
      ['ProofOfWorkChallenge', t.app.request('/api/v1/sites/demo/challenge')],
      ['Conversation', t.app.request(`/api/v1/conversations/${created.token}`)],
      ['Me', inboxRequest(t, cookie, 'GET', '/me')],
      ['RepOptions', inboxRequest(t, cookie, 'GET', '/reps')],
      ['InquiryPage', inboxRequest(t, cookie, 'GET', '/inquiries')],
      ['InquiryDetail', inboxRequest(t, cookie, 'GET', `/inquiries/${created.id}`)],
      ['AdminSite', inboxRequest(t, cookie, 'GET', '/admin/site')],
      ['AdminReps', inboxRequest(t, cookie, 'GET', '/admin/reps')],
      ['AdminTeams', inboxRequest(t, cookie, 'GET', '/admin/teams')],
      ['AdminRules', inboxRequest(t, cookie, 'GET', '/admin/rules')],
      ['AdminStats', inboxRequest(t, cookie, 'GET', '/admin/stats')],
      ['ErrorBody', t.app.request('/api/v1/sites/nope/widget-config')],
    ];
    expect(validator('InquiryCreated').safeParse(created).success).toBe(true);
    for (const [name, pending] of answers) {
      const body: unknown = await (await pending).json();
      const result = validator(name).safeParse(body);
      expect(result.success, `${name}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
    // Not a schema that accepts anything.
    expect(validator('InquiryDetail').safeParse({ id: created.id }).success).toBe(false);
  });

  it('names the body of an answer that has one, whatever its status, and every refusal', () => {
    const test = paths()['/api/inbox/admin/webhooks/{id}/test']?.post as Json;
    expect(JSON.stringify((test.responses as Json)['202'])).toContain('WebhookTestQueued');
    const followUp = paths()['/api/v1/conversations/{token}/messages']?.post as Json;
    expect(Object.keys(followUp.responses as Json)).toContain('429');
  });
});
