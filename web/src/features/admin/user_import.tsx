// Users import: staff accounts, their roles and the reporting line from a CSV/XLSX file; after a
// load, the new users' first passwords, shown this once to hand out (print or copy).
import { useState } from 'preact/hooks';
import { ImportPanel } from '../../components/import_panel';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import type { ImportResult } from '../../types';

interface UserImportResult extends ImportResult {
  updated: number;
  passwords: { username: string; password: string }[];
}

const COLUMNS = ['username', 'full_name', 'role', 'area_code', 'supervisor', 'locale'];

export function UserImportPage() {
  const { t } = useI18n();
  const [passwords, setPasswords] = useState<UserImportResult['passwords']>([]);
  return (
    <>
      <ImportPanel<UserImportResult>
        endpoint="/users/import"
        testid="user-import"
        back={{ href: href('users'), label: t('users.title') }}
        current={t('users.import')}
        title={t('users.importTitle')}
        help={t('users.importHelp')}
        columns={{ names: COLUMNS, file: 'users.csv' }}
        runLabel={t('users.importRun')}
        checked={(r) => t('users.importOk', { n: r.rows })}
        done={(r) => t('users.importDone', { created: r.created, updated: r.updated })}
        onLoaded={(r) => setPasswords(r.passwords)}
      />
      {passwords.length > 0 && (
        <section class="card" aria-labelledby="first-passwords" data-testid="first-passwords">
          <h2 id="first-passwords">{t('users.passwordsTitle')}</h2>
          <p class="notice">{t('users.passwordsHelp')}</p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('users.username')}</th>
                  <th scope="col">{t('users.password')}</th>
                </tr>
              </thead>
              <tbody>
                {passwords.map((p) => (
                  <tr key={p.username} data-testid="first-password">
                    <td dir="ltr">{p.username}</td>
                    <td dir="ltr">
                      <code>{p.password}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="actions">
            <button type="button" onClick={() => window.print()}>
              {t('users.print')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
