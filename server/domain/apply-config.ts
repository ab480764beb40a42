import type { RepInput, RuleInput, WebhookInput } from '../../contract';
import { ConfigFileError, type ConfigFile, type FileSite, type FileWebhook } from '../config-file';
import type { Rep, Site } from '../storage/store';
import { adminSite, createRep, replaceRules, saveTeam, updateRep, updateSite } from './admin';
import { DomainError } from './errors';
import { freeHandle } from './handles';
import { createWebhook, updateWebhook, type WebhookAdminDeps } from './webhooks-admin';

/**
 * Applies a configuration file: creates or updates each site, its reps (by email), teams (by
 * name) and webhooks (by URL) and, when the file lists them, replaces its rules. Reps, teams
 * and webhooks the file does not name are left as they are. Every check of the admin API
 * applies; a failure names the entry ("sites[0].rules[1].to.team: ...") and stops start-up.
 * Returns a line per site.
 */
export function applyConfigFile(
  deps: WebhookAdminDeps,
  file: ConfigFile,
  source: string,
): Promise<string[]> {
  // Processes starting together apply it one after the other: each finds what the one
  // before it created, instead of creating it again (two webhooks for one URL, a rep or team
  // refused as taken and the process stopped).
  return deps.store.exclusively('config-file', () => applyAll(deps, file, source));
}

async function applyAll(
  deps: WebhookAdminDeps,
  file: ConfigFile,
  source: string,
): Promise<string[]> {
  const lines: string[] = [];
  for (const [i, entry] of file.sites.entries()) {
    const at = `sites[${i}]`;
    try {
      lines.push(await applySite(deps, entry, at));
    } catch (err) {
      if (err instanceof ConfigFileError) throw new ConfigFileError(`${source}: ${err.message}`);
      if (err instanceof DomainError) {
        const [field, message] = Object.entries(err.fields ?? {})[0] ?? ['', err.message];
        throw new ConfigFileError(`${source}: ${at}${field ? `.${field}` : ''}: ${message}`);
      }
      throw err;
    }
  }
  return lines;
}

// The file acts with an admin's rights on its site (but is nobody, so no self-demotion rule).
const fileActor = (site: Site): Rep => ({
  id: 'liaison.config.json',
  siteId: site.id,
  handle: 'config',
  name: 'liaison.config.json',
  title: null,
  photoUrl: null,
  email: 'config@localhost',
  active: true,
  role: 'admin',
});

async function applySite(deps: WebhookAdminDeps, entry: FileSite, at: string): Promise<string> {
  const { store, newId } = deps;
  let site = await store.findSiteByKey(entry.key);
  if (!site) {
    await store.createSite({
      id: newId(),
      key: entry.key,
      name: entry.name,
      allowedOrigins: entry.allowedOrigins ?? [],
    });
    site = await store.findSiteByKey(entry.key);
  }
  if (!site) throw new Error(`site ${entry.key} was not created`);

  const profiles = await store.findRepProfiles(site.id);
  for (const [j, r] of (entry.reps ?? []).entries()) {
    const existing = await store.findRepByEmail(r.email);
    if (existing && existing.siteId !== site.id) {
      throw new ConfigFileError(
        `${at}.reps[${j}].email: ${r.email} is already a rep of another site`,
      );
    }
    const profile = existing ? profiles.get(existing.id) : undefined;
    const input: RepInput = {
      name: r.name,
      title: r.title ?? existing?.title ?? null,
      email: r.email,
      role: r.role ?? existing?.role ?? 'rep',
      handle: r.handle ?? existing?.handle ?? (await freeHandle(store, site.id, r.name)),
      active: r.active ?? existing?.active ?? true,
      profile: {
        languages: r.languages ?? profile?.languages ?? [],
        countries: r.countries ?? profile?.countries ?? [],
        hours: r.hours !== undefined ? r.hours : (profile?.hours ?? null),
        away: r.away ?? profile?.away ?? false,
        whatsapp: r.whatsapp !== undefined ? r.whatsapp : (profile?.whatsapp ?? null),
        maxOpen: r.maxOpen !== undefined ? r.maxOpen : (profile?.maxOpen ?? null),
      },
    };
    try {
      const saved = existing
        ? await updateRep(deps, fileActor(site), existing.id, input)
        : await createRep(deps, site.id, input);
      if (r.photoUrl !== undefined) await store.updateRep(saved.id, { photoUrl: r.photoUrl });
    } catch (err) {
      throw prefixed(err, `${at}.reps[${j}]`);
    }
  }

  const reps = await store.listReps(site.id);
  const repId = (email: string, path: string) => {
    const rep = reps.find((r) => r.email === email);
    if (!rep) throw new ConfigFileError(`${path}: no rep ${email} on site ${entry.key}`);
    return rep.id;
  };
  for (const [j, t] of (entry.teams ?? []).entries()) {
    // By name as the admin API compares them, capitals aside: an admin's "SALES" is the
    // file's "Sales", which the file names it again.
    const existing = (await store.listTeams(site.id)).find((team) => sameName(team.name, t.name));
    const memberIds = t.members.map((email, k) => repId(email, `${at}.teams[${j}].members[${k}]`));
    try {
      await saveTeam(deps, site.id, existing?.id ?? null, {
        name: t.name,
        distribution: t.distribution ?? existing?.distribution ?? 'round-robin',
        memberIds,
      });
    } catch (err) {
      throw prefixed(err, `${at}.teams[${j}]`);
    }
  }

  const teams = await store.listTeams(site.id);
  const teamId = (name: string, path: string) => {
    const team = teams.find((t) => sameName(t.name, name));
    if (!team) throw new ConfigFileError(`${path}: no team named "${name}" on site ${entry.key}`);
    return team.id;
  };
  if (entry.rules) {
    const rules: RuleInput[] = entry.rules.map((rule, j) => ({
      name: rule.name,
      match: rule.match,
      target:
        'rep' in rule.to
          ? { repId: repId(rule.to.rep, `${at}.rules[${j}].to.rep`) }
          : { teamId: teamId(rule.to.team, `${at}.rules[${j}].to.team`) },
    }));
    try {
      await replaceRules(deps, site.id, rules);
    } catch (err) {
      throw prefixed(err, `${at}`);
    }
  }

  const current = await adminSite(deps, site.id);
  await updateSite(deps, site.id, {
    name: entry.name,
    allowedOrigins: entry.allowedOrigins ?? current.allowedOrigins,
    themeColor: entry.themeColor !== undefined ? entry.themeColor : current.themeColor,
    defaultLanguage:
      entry.defaultLanguage !== undefined ? entry.defaultLanguage : current.defaultLanguage,
    replyPromiseHours: entry.replyPromiseHours ?? current.replyPromiseHours,
    escalationReassign: entry.escalationReassign ?? current.escalationReassign,
    retentionDays:
      entry.retentionDays !== undefined ? entry.retentionDays : (current.retentionDays ?? null),
    proofOfWork: entry.proofOfWork ?? current.proofOfWork,
    defaultRepId: entry.defaultRep
      ? repId(entry.defaultRep, `${at}.defaultRep`)
      : entry.defaultTeam
        ? null
        : current.defaultRepId,
    defaultTeamId: entry.defaultTeam
      ? teamId(entry.defaultTeam, `${at}.defaultTeam`)
      : entry.defaultRep
        ? null
        : current.defaultTeamId,
  });
  if (entry.webhooks) await applyWebhooks(deps, site.id, entry.webhooks, at);
  return `site ${entry.key}: ${entry.reps?.length ?? 0} reps, ${entry.teams?.length ?? 0} teams, ${entry.rules ? `${entry.rules.length} rules` : 'rules unchanged'}${entry.webhooks ? `, ${entry.webhooks.length} webhooks` : ''}`;
}

// Each webhook by its URL (the oldest of the site's with that URL), through the admin API's
// functions: the same URL checks, and a secret left out keeps the stored one, so applying the
// same file again changes nothing. A Standard Webhooks secret the file gives replaces Liaison's.
async function applyWebhooks(
  deps: WebhookAdminDeps,
  siteId: string,
  webhooks: FileWebhook[],
  at: string,
): Promise<void> {
  for (const [j, w] of webhooks.entries()) {
    if (webhooks.findIndex((other) => other.url === w.url) !== j) {
      throw new ConfigFileError(`${at}.webhooks[${j}].url: ${w.url} is listed twice`);
    }
  }
  const stored = await deps.store.listWebhooks(siteId);
  for (const [j, w] of webhooks.entries()) {
    const path = `${at}.webhooks[${j}]`;
    const existing = stored.find((hook) => hook.url === w.url);
    const format = w.format ?? 'standard';
    const input: WebhookInput = {
      url: w.url,
      format,
      events: w.events,
      active: w.active ?? existing?.active ?? true,
      ...(format === 'dingtalk' && w.secret !== undefined && { secret: w.secret }),
    };
    try {
      const id = existing
        ? (await updateWebhook(deps, siteId, existing.id, input)).id
        : (await createWebhook(deps, siteId, input)).webhook.id;
      if (format === 'standard' && w.secret)
        await deps.store.updateWebhook(id, { secret: w.secret });
    } catch (err) {
      throw prefixed(err, path);
    }
  }
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

// A DomainError's field path, placed under the file entry it came from.
function prefixed(err: unknown, at: string): unknown {
  if (!(err instanceof DomainError)) return err;
  const [field, message] = Object.entries(err.fields ?? {})[0] ?? ['', err.message];
  return new ConfigFileError(`${at}${field ? `.${field}` : ''}: ${message}`);
}
