/**
 * The shop's unfinished jobs, each a link that reopens it (`?job=<id>`): load-state.ts decides
 * which are listed.
 * @module
 */
import type { PrintJobSummary } from '../../messages/print';
import type { PrintStrings } from '../i18n';
import { jobStatusKey } from './load-state';

/** The list (nothing when there is none). */
export function UnfinishedJobs(p: { readonly t: PrintStrings; readonly jobs: readonly PrintJobSummary[] }) {
  const { t, jobs } = p;
  if (jobs.length === 0) return null;
  return (
    <section class="unfinished">
      <h2>{t.unfinished}</h2>
      <ul>
        {jobs.map((j) => (
          <li key={j.id}>
            <a
              href={`?job=${j.id}`}
              class="open-job"
            >{`${t.status[jobStatusKey(j.status, false)]} · ${j.counts.printed}/${j.counts.total} · ${new Date(j.createdAt).toLocaleString()}`}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
