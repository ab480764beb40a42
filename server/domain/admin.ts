// The admin section: an admin's site, reps, teams and rules. The contract has checked each
// body's shape; these functions check what it cannot (references to other records, a valid
// timezone, a free email) and answer VALIDATION_FAILED with one message per field path.
import {
  type AdminRep,
  type AdminRule,
  type AdminSite,
  type AdminTeam,
  type RepInput,
  type RuleInput,
  type SiteSettingsInput,
  type TeamInput,
  type WeeklyHours,
} from '../../contract';
import { RULES_MAX_BYTES } from '../../contract/limits';
import type { Rep, RepProfile, Rule, Store, Team } from '../storage/store';
import { DomainError } from './errors';
import { isValidTimeZone } from './working-hours';

/** What the admin functions need. */
export interface AdminDeps {
  store: Store;
  newId: () => string;
  clock: () => Date;
}

/** Throws VALIDATION_FAILED when `fields` holds any message; changes nothing before that. */
function refuse(fields: Record<string, string>): void {
  const first = Object.values(fields)[0];
  if (first !== undefined) throw new DomainError('VALIDATION_FAILED', first, fields);
}

const notFound = (what: string) => new DomainError('NOT_FOUND', `No such ${what}.`);

/** The admin's site and its settings. */
export async function adminSite({ store }: AdminDeps, siteId: string): Promise<AdminSite> {
  const [site, settings] = await Promise.all([
    store.findSite(siteId),
    store.findSiteSettings(siteId),
  ]);
  if (!site || !settings) throw notFound('site');
  return {
    id: site.id,
    key: site.key,
    name: site.name,
    allowedOrigins: site.allowedOrigins,
    ...settings,
  };
}

/**
 * Saves the site's settings once its default rep and team are checked to be its own; checked
 * and written one at a time with the site's other admin changes (a team deleted meanwhile
 * was left the site's default).
 */
export function updateSite(
  deps: AdminDeps,
  siteId: string,
  input: SiteSettingsInput,
): Promise<AdminSite> {
  return deps.store.exclusively(`admin:${siteId}`, () => writeSite(deps, siteId, input));
}

async function writeSite(
  deps: AdminDeps,
  siteId: string,
  input: SiteSettingsInput,
): Promise<AdminSite> {
  const { store } = deps;
  const [reps, teams] = await Promise.all([store.listReps(siteId), store.listTeams(siteId)]);
  const fields: Record<string, string> = {};
  if (input.defaultRepId !== null && !reps.some((r) => r.id === input.defaultRepId)) {
    fields.defaultRepId = 'Choose a rep of this site.';
  }
  if (input.defaultTeamId !== null && !teams.some((t) => t.id === input.defaultTeamId)) {
    fields.defaultTeamId = 'Choose a team of this site.';
  }
  refuse(fields);
  await store.updateSite(siteId, input);
  return adminSite(deps, siteId);
}

function toAdminRep(rep: Rep, profile: RepProfile | undefined): AdminRep {
  return {
    id: rep.id,
    name: rep.name,
    title: rep.title,
    email: rep.email,
    role: rep.role,
    handle: rep.handle,
    active: rep.active,
    profile: profile ?? {
      languages: [],
      countries: [],
      hours: null,
      away: false,
      whatsapp: null,
      maxOpen: null,
    },
  };
}

/** The site's reps with their profiles, by name. */
export async function adminReps({ store }: AdminDeps, siteId: string): Promise<AdminRep[]> {
  const [reps, profiles] = await Promise.all([
    store.listReps(siteId),
    store.findRepProfiles(siteId),
  ]);
  return reps.map((rep) => toAdminRep(rep, profiles.get(rep.id)));
}

/** Field messages for weekly hours: a timezone Intl knows (the contract checks the periods). */
export function hoursProblems(hours: WeeklyHours | null, path: string): Record<string, string> {
  if (!hours || isValidTimeZone(hours.timezone)) return {};
  return { [`${path}.timezone`]: 'Must be an IANA timezone such as Europe/Berlin.' };
}

// Checks a rep's body against the other accounts; `current` is the rep being changed, if any.
async function repProblems(
  store: Store,
  siteId: string,
  input: RepInput,
  current: Rep | null,
): Promise<Record<string, string>> {
  const fields = hoursProblems(input.profile.hours, 'profile.hours');
  // Sign-in looks reps up by email alone, so an email names one account across all sites.
  const byEmail = await store.findRepByEmail(input.email);
  if (byEmail && byEmail.id !== current?.id) fields.email = 'Another account uses this email.';
  const byHandle = await store.findRepByHandle(siteId, input.handle);
  if (byHandle && byHandle.id !== current?.id) fields.handle = 'Another rep has this handle.';
  return fields;
}

/** Adds a rep to the site, without a password: they sign in by link, or the CLI sets one. */
export async function createRep(
  deps: AdminDeps,
  siteId: string,
  input: RepInput,
): Promise<AdminRep> {
  const { store, newId } = deps;
  // Checked and written one at a time: two requests at once for one email gave a 201 and a 500.
  return store.exclusively(`admin:${siteId}`, async () => {
    refuse(await repProblems(store, siteId, input, null));
    const rep: Rep = {
      id: newId(),
      siteId,
      handle: input.handle,
      name: input.name,
      title: input.title || null,
      photoUrl: null,
      email: input.email,
      active: input.active,
      role: input.role,
    };
    try {
      await store.createRep(rep);
    } catch (err) {
      // Another site's admin added the same email meanwhile (emails are one account across
      // sites, past this site's lock): told as the check above tells it, not a 500.
      refuse(await repProblems(store, siteId, input, null));
      throw err;
    }
    await store.updateRepProfile(rep.id, input.profile);
    return toAdminRep(rep, input.profile);
  });
}

/** Changes a rep of the admin's site; an admin cannot demote or deactivate themselves. */
export async function updateRep(
  deps: AdminDeps,
  admin: Rep,
  repId: string,
  input: RepInput,
): Promise<AdminRep> {
  const { store } = deps;
  return store.exclusively(`admin:${admin.siteId}`, () => changeRep(store, admin, repId, input));
}

async function changeRep(
  store: AdminDeps['store'],
  admin: Rep,
  repId: string,
  input: RepInput,
): Promise<AdminRep> {
  const rep = await store.findRep(repId);
  if (!rep || rep.siteId !== admin.siteId) throw notFound('rep');
  const fields = await repProblems(store, admin.siteId, input, rep);
  // The Store cannot change an email yet; refuse rather than pretend it was saved.
  if (input.email !== rep.email) fields.email = 'An email cannot be changed yet.';
  if (rep.id === admin.id && input.role !== 'admin') {
    fields.role = 'You cannot remove your own admin role.';
  }
  if (rep.id === admin.id && !input.active) fields.active = 'You cannot deactivate yourself.';
  refuse(fields);
  const { name, handle, role, active } = input;
  await store.updateRep(rep.id, { name, handle, role, active, title: input.title || null });
  await store.updateRepProfile(rep.id, input.profile);
  const updated = await store.findRep(rep.id);
  if (!updated) throw notFound('rep');
  return toAdminRep(updated, input.profile);
}

const toAdminTeam = ({
  id,
  name,
  distribution,
  memberIds,
}: Pick<Team, 'id' | 'name' | 'distribution' | 'memberIds'>): AdminTeam => ({
  id,
  name,
  distribution,
  memberIds,
});

/** The site's teams, by name. */
export async function adminTeams({ store }: AdminDeps, siteId: string): Promise<AdminTeam[]> {
  return (await store.listTeams(siteId)).map(toAdminTeam);
}

/**
 * Creates a team (`teamId` null) or replaces one of the site's teams; checked and written one
 * at a time (two requests at once for "Sales" and "sales" made two teams no one could save).
 */
export function saveTeam(
  deps: AdminDeps,
  siteId: string,
  teamId: string | null,
  input: TeamInput,
): Promise<AdminTeam> {
  return deps.store.exclusively(`admin:${siteId}`, () => writeTeam(deps, siteId, teamId, input));
}

async function writeTeam(
  { store, newId }: AdminDeps,
  siteId: string,
  teamId: string | null,
  input: TeamInput,
): Promise<AdminTeam> {
  const [teams, reps] = await Promise.all([store.listTeams(siteId), store.listReps(siteId)]);
  if (teamId !== null && !teams.some((t) => t.id === teamId)) throw notFound('team');
  const fields: Record<string, string> = {};
  const name = input.name.toLowerCase();
  // Rules in the configuration file name teams, so a name must say which team it is.
  if (teams.some((t) => t.id !== teamId && t.name.toLowerCase() === name)) {
    fields.name = 'Another team has this name.';
  }
  const siteReps = new Set(reps.map((r) => r.id));
  input.memberIds.forEach((id, i) => {
    if (!siteReps.has(id)) fields[`memberIds.${i}`] = 'Choose a rep of this site.';
    else if (input.memberIds.indexOf(id) !== i) fields[`memberIds.${i}`] = 'Listed twice.';
  });
  refuse(fields);
  const team = { id: teamId ?? newId(), siteId, ...input };
  await store.saveTeam(team);
  return toAdminTeam(team);
}

/**
 * Deletes one of the site's teams; the store drops the rules that sent to it. One at a time
 * with the site's other admin changes: a rule list or a team save checked meanwhile failed
 * (500), or brought the team back.
 */
export function deleteTeam({ store }: AdminDeps, siteId: string, teamId: string) {
  return store.exclusively(`admin:${siteId}`, async () => {
    const teams = await store.listTeams(siteId);
    if (!teams.some((t) => t.id === teamId)) throw notFound('team');
    await store.deleteTeam(teamId);
  });
}

const toAdminRule = ({ id, name, match, target }: Rule): AdminRule => ({
  id,
  name,
  match,
  target,
});

/** The site's rules, in order. */
export async function adminRules({ store }: AdminDeps, siteId: string): Promise<AdminRule[]> {
  return (await store.listRules(siteId)).map(toAdminRule);
}

/**
 * Replaces all of the site's rules, in the given order, once every target is its own; checked
 * and written one at a time with the site's other admin changes.
 */
export function replaceRules(
  deps: AdminDeps,
  siteId: string,
  input: RuleInput[],
): Promise<AdminRule[]> {
  return deps.store.exclusively(`admin:${siteId}`, () => writeRules(deps, siteId, input));
}

async function writeRules(
  { store, newId }: AdminDeps,
  siteId: string,
  input: RuleInput[],
): Promise<AdminRule[]> {
  const [reps, teams, current] = await Promise.all([
    store.listReps(siteId),
    store.listTeams(siteId),
    store.listRules(siteId),
  ]);
  const repIds = new Set(reps.map((r) => r.id));
  const teamIds = new Set(teams.map((t) => t.id));
  const ruleIds = new Set(current.map((r) => r.id));
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  input.forEach((rule, i) => {
    // An id is kept only for one of this site's rules: another's would collide on insert.
    if (rule.id !== undefined && (!ruleIds.has(rule.id) || seen.has(rule.id))) {
      fields[`rules.${i}.id`] = 'No such rule of this site.';
    }
    if (rule.id !== undefined) seen.add(rule.id);
    if ('repId' in rule.target && !repIds.has(rule.target.repId)) {
      fields[`rules.${i}.target.repId`] = 'Choose a rep of this site.';
    }
    if ('teamId' in rule.target && !teamIds.has(rule.target.teamId)) {
      fields[`rules.${i}.target.teamId`] = 'Choose a team of this site.';
    }
  });
  refuse(fields);
  const rules: Rule[] = input.map((rule) => ({
    id: rule.id ?? newId(),
    siteId,
    name: rule.name,
    match: rule.match,
    target: rule.target,
  }));
  // As GET gives it back, with every rule's id: it must fit the body PUT takes.
  const answer = JSON.stringify({ rules: rules.map(toAdminRule) });
  if (Buffer.byteLength(answer) > RULES_MAX_BYTES) {
    refuse({ rules: `Too long together: at most ${RULES_MAX_BYTES / 1024 / 1024} MB with ids.` });
  }
  await store.replaceRules(siteId, rules);
  return rules.map(toAdminRule);
}
