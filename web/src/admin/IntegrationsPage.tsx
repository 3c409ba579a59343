import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { adminApi, adminQueries } from './api';

/** Webhooks (with their delivery log) and the admin's API tokens for the read API. */
export function IntegrationsPage() {
  const queryClient = useQueryClient();
  const hooks = useQuery(adminQueries.webhooks);
  const tokens = useQuery(adminQueries.tokens);
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const deliveries = useQuery({ ...adminQueries.deliveries(open ?? ''), enabled: open !== null });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin'] });
  const createHook = useMutation({ mutationFn: () => adminApi.createWebhook({ url }), onSuccess: refresh });
  const deleteHook = useMutation({ mutationFn: adminApi.deleteWebhook, onSuccess: refresh });
  const createToken = useMutation({ mutationFn: () => adminApi.createToken(name), onSuccess: refresh });
  const revokeToken = useMutation({ mutationFn: adminApi.revokeToken, onSuccess: refresh });
  const redeliver = useMutation({ mutationFn: (x: { hook: string; delivery: string }) => adminApi.retryDelivery(x.hook, x.delivery), onSuccess: refresh });
  const submit = (fn: () => void) => (e: FormEvent) => {
    e.preventDefault();
    fn();
  };
  const error = hooks.error ?? tokens.error ?? createHook.error ?? deleteHook.error ?? createToken.error ?? revokeToken.error ?? redeliver.error;
  return (
    <>
      <h1 tabIndex={-1}>Integrations</h1>
      {error ? <ErrorBox message={messageOf(error)} /> : null}
      <section className="card">
        <h2>Webhooks</h2>
        <p className="muted small">
          Each event (candidate.finished, candidate.decided) is POSTed as JSON with <code>X-Webhook-Signature: t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, &quot;t.body&quot;)&gt;</code>; failed
          deliveries are retried with backoff. The OpenAPI document (/api/openapi.json) describes the payload and the signature.
        </p>
        <form className="admin-row admin-form" onSubmit={submit(() => createHook.mutate())}>
          <label>
            Receiver URL <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://ats.example.com/hooks" />
          </label>
          <button type="submit" className="btn primary" disabled={createHook.isPending}>
            Add webhook
          </button>
        </form>
        {createHook.data ? (
          <p className="token-url" data-testid="webhook-secret">
            Secret (shown only now): {createHook.data.secret}
          </p>
        ) : null}
        <ul>
          {hooks.data?.items.map((h) => (
            <li key={h.id}>
              {h.url} · {h.events.join(', ')}{' '}
              <button type="button" className="btn secondary small" onClick={() => setOpen(open === h.id ? null : h.id)}>
                {open === h.id ? 'Hide deliveries' : 'Deliveries'}
              </button>{' '}
              <button type="button" className="btn danger small" onClick={() => window.confirm(`Remove the webhook to ${h.url}?`) && deleteHook.mutate(h.id)}>
                Remove
              </button>
              {open === h.id ? (
                <table className="admin-table small">
                  <thead>
                    <tr>
                      <th>Event</th>
                      <th>Status</th>
                      <th className="num">Attempts</th>
                      <th>Last answer</th>
                      <th>When</th>
                    </tr>
                  </thead>
                  <tbody>
                    {deliveries.data?.items.map((d) => (
                      <tr key={d.id}>
                        <td>{d.event}</td>
                        <td>
                          {d.status}
                          {d.status === 'failed' ? (
                            <button type="button" className="btn secondary small" onClick={() => redeliver.mutate({ hook: h.id, delivery: d.id })}>
                              Deliver again
                            </button>
                          ) : null}
                        </td>
                        <td className="num">{d.attempts}</td>
                        <td>{d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : '')}</td>
                        <td>{d.createdAt.slice(0, 16).replace('T', ' ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>API tokens</h2>
        <p className="muted small">
          For the read API (<code>/api/v1</code>: interviews, candidates, leaderboard): send <code>Authorization: Bearer &lt;token&gt;</code>. Only a hash is stored.
        </p>
        <form className="admin-row admin-form" onSubmit={submit(() => createToken.mutate())}>
          <label>
            Name <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="ATS sync" />
          </label>
          <button type="submit" className="btn primary" disabled={createToken.isPending}>
            Create token
          </button>
        </form>
        {createToken.data ? <p className="token-url">Token (shown only now): {createToken.data.token}</p> : null}
        <ul>
          {tokens.data?.items.map((t) => (
            <li key={t.id}>
              {t.name} ({t.prefix}…) · created {t.createdAt.slice(0, 10)} · {t.lastUsedAt ? `last used ${t.lastUsedAt.slice(0, 16).replace('T', ' ')}` : 'never used'}
              {t.revokedAt ? (
                ' · revoked'
              ) : (
                <>
                  {' '}
                  <button type="button" className="btn secondary small" onClick={() => revokeToken.mutate(t.id)}>
                    Revoke
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
