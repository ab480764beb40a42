import { useEffect, useState } from 'preact/hooks';
import type {
  AdminRep,
  AdminRule,
  AdminSite,
  AdminStats,
  AdminTeam,
  AdminWebhook,
} from '../../../contract/admin';
import type { AdminApi } from '../../admin-api';
import { errorText, type ApiError } from '../../api-error';
import { report } from '../../report';
import { BASE } from '../../router';
import { ReplyTimes } from './reply-times';
import { RepsSection } from './reps-section';
import { RulesSection } from './rules-section';
import { SiteForm } from './site-form';
import { TeamsSection } from './teams-section';
import { UndeliveredMail } from './undelivered-mail';
import { VisitorData } from './visitor-data';
import { WebhooksSection } from './webhooks-section';

/** Everything the admin page shows, loaded together. */
interface AdminData {
  site: AdminSite;
  reps: AdminRep[];
  teams: AdminTeam[];
  rules: AdminRule[];
  stats: AdminStats;
  webhooks: AdminWebhook[];
}

async function loadAll(
  api: AdminApi,
): Promise<{ ok: true; data: AdminData } | { ok: false; error: ApiError }> {
  const [site, reps, teams, rules, stats, webhooks] = await Promise.all([
    api.site(),
    api.reps(),
    api.teams(),
    api.rules(),
    api.stats(),
    api.webhooks(),
  ]);
  if (!site.ok) return site;
  if (!reps.ok) return reps;
  if (!teams.ok) return teams;
  if (!rules.ok) return rules;
  if (!stats.ok) return stats;
  if (!webhooks.ok) return webhooks;
  return {
    ok: true,
    data: {
      site: site.value,
      reps: reps.value,
      teams: teams.value,
      rules: rules.value,
      stats: stats.value,
      webhooks: webhooks.value,
    },
  };
}

const SECTIONS = [
  ['admin-site', 'Site'],
  ['admin-reps', 'Reps'],
  ['admin-teams', 'Teams'],
  ['admin-rules', 'Rules'],
  ['admin-webhooks', 'Webhooks'],
  ['admin-stats', 'Reply times'],
  ['admin-undelivered', 'Undelivered mail'],
  ['admin-visitor', 'A visitor’s data'],
] as const;

/** The admin section: the site, reps, teams, rules and reply times of the admin's own site. */
export function AdminPage({ api, focusOnLoad }: { api: AdminApi; focusOnLoad: boolean }) {
  const [data, setData] = useState<AdminData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // Counts reloads: forms that hold drafts start again from what a reload brought.
  const [loads, setLoads] = useState(0);

  const reload = async () => {
    const result = await loadAll(api);
    if (result.ok) {
      setData(result.data);
      setError(null);
      setLoads((n) => n + 1);
    } else {
      setError(result.error);
    }
  };

  useEffect(() => {
    reload().catch(report);
  }, []);
  useEffect(() => {
    if (focusOnLoad) document.getElementById('admin-title')?.focus();
  }, []);

  const body = error ? (
    <div role="alert">
      <p class="alert">{errorText(error)}</p>
      <p>
        <a href={BASE}>Back to the inbox</a>
      </p>
    </div>
  ) : !data ? (
    <p role="status">Loading…</p>
  ) : (
    <>
      <nav aria-label="Admin sections" class="admin-nav">
        <ul>
          {SECTIONS.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="admin-site" class="admin-section">
        <h2 id="admin-site">Site</h2>
        <SiteForm
          key={data.site.id}
          api={api}
          site={data.site}
          reps={data.reps}
          teams={data.teams}
          onSaved={(site) => setData({ ...data, site })}
        />
      </section>
      <section aria-labelledby="admin-reps" class="admin-section">
        <h2 id="admin-reps">Reps</h2>
        <RepsSection api={api} reps={data.reps} onChanged={() => reload().catch(report)} />
      </section>
      <section aria-labelledby="admin-teams" class="admin-section">
        <h2 id="admin-teams">Teams</h2>
        <TeamsSection
          api={api}
          teams={data.teams}
          reps={data.reps}
          onChanged={() => reload().catch(report)}
        />
      </section>
      <section aria-labelledby="admin-rules" class="admin-section">
        <h2 id="admin-rules">Rules</h2>
        <RulesSection
          // A team's deletion drops its rules: start the form again from what is saved.
          key={loads}
          api={api}
          rules={data.rules}
          reps={data.reps}
          teams={data.teams}
          onSaved={(rules) => setData({ ...data, rules })}
        />
      </section>
      <section aria-labelledby="admin-webhooks" class="admin-section">
        <h2 id="admin-webhooks">Webhooks</h2>
        <WebhooksSection
          api={api}
          webhooks={data.webhooks}
          onChanged={() => reload().catch(report)}
        />
      </section>
      <section aria-labelledby="admin-stats" class="admin-section">
        <h2 id="admin-stats">Reply times</h2>
        <ReplyTimes stats={data.stats} />
      </section>
      <section aria-labelledby="admin-undelivered" class="admin-section">
        <h2 id="admin-undelivered">Undelivered mail</h2>
        <UndeliveredMail mail={data.stats.undelivered} />
      </section>
      <section aria-labelledby="admin-visitor" class="admin-section">
        <h2 id="admin-visitor">A visitor’s data</h2>
        <VisitorData api={api} />
      </section>
    </>
  );

  return (
    <main id="main" tabIndex={-1} class="admin">
      <h1 id="admin-title" tabIndex={-1}>
        Admin
      </h1>
      {body}
    </main>
  );
}
