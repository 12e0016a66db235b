import { useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/problem';
import { errorMessageKey } from '@/components/states';

/**
 * A problem-details key as an AntD name path: `sections[1].tasks[0].title` → `['sections', 1, 'tasks', 0, 'title']`
 * (each name camelCased, as the contract promises; "Sections[1].Title" is read the same way).
 */
export function toNamePath(key: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const part of key.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    const name = match ? match[1] : part;
    const indexes = match?.[2] ?? '';
    if (name) path.push(name.charAt(0).toLowerCase() + name.slice(1));
    for (const [, index] of indexes.matchAll(/\[(\d+)\]/g)) path.push(Number(index));
  }
  return path;
}

/**
 * Puts the API's validation messages (problem details `errors`, keyed by camelCase field name) onto the
 * matching form fields. A nested key (`sections[1].tasks[0].title`) lands on its field when its first name is
 * listed (a Form.List shows its own messages, e.g. "at most 50 sections", with Form.ErrorList). Returns the
 * messages that belong to no field, for a general alert. `aliases` names the form field of an API field whose name
 * differs (a session's `endsAt` is typed in the form's `end`).
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string[] {
  if (!(error instanceof ApiError)) return [];
  const leftover: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const name = toNamePath(field);
    const alias = typeof name[0] === 'string' ? aliases[name[0]] : undefined;
    if (alias) name[0] = alias;
    if (typeof name[0] === 'string' && fieldNames.includes(name[0])) fields.push({ name, errors: messages });
    else leftover.push(...messages);
  }
  if (fields.length) form.setFields(fields);
  return leftover;
}

/**
 * The alert above a form after a failed save: the optimistic-concurrency conflict (412) with a reload
 * button, a missing version (428), a broken business rule (409, by its `code` when the form knows it),
 * no permission (403), validation leftovers, or a generic failure. A form that maps no field errors itself (no
 * `leftoverMessages`) gets every field message of the problem listed here: a server's message is never lost.
 */
export function ServerErrorAlert({
  error,
  leftoverMessages,
  onReload,
  codeMessages,
}: {
  error: unknown;
  /** The messages the form could not put on a field (undefined: the form puts none, so all are listed). */
  leftoverMessages?: string[];
  onReload?: () => void;
  /** Messages for the problem `code`s this form expects (e.g. a business rule's 409), already translated. */
  codeMessages?: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : undefined;

  if (status === 412 || status === 428) {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t('form.conflictTitle')}
        description={status === 412 ? t('form.conflictText') : t('form.preconditionRequired')}
        action={
          onReload ? (
            <Button type="primary" onClick={onReload}>
              {t('common.reload')}
            </Button>
          ) : null
        }
        style={{ marginBottom: 16 }}
      />
    );
  }

  const code = error instanceof ApiError ? error.code : undefined;
  let message: string;
  if (code && codeMessages?.[code]) message = codeMessages[code];
  else if (status === 409 && error instanceof ApiError) message = error.problem.detail || error.problem.title || t('states.errorServer');
  else if (status === 400 || status === 422) message = t('form.validationTitle');
  else if (status === 403) message = t('form.forbidden');
  else message = t(errorMessageKey(error));
  const listed = leftoverMessages ?? (error instanceof ApiError ? [...new Set(Object.values(error.fieldErrors).flat())] : []);

  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={message}
      description={
        listed.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {listed.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * The detail/edit form pattern's glue: whenever a save fails, maps its field errors onto the form and
 * returns what is left for the alert.
 */
export function useServerErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
  aliases?: Readonly<Record<string, string>>,
): string[] {
  const [leftover, setLeftover] = useState<string[]>([]);
  useEffect(() => {
    setLeftover(error ? applyFieldErrors(form, error, fieldNames, aliases) : []);
    // fieldNames and aliases are constants per form
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error, form]);
  return leftover;
}
