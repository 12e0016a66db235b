import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { login, type LoginInput } from '@/lib/auth/auth';
import { ApiError, NetworkError } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format/date';
import type { TFunction } from 'i18next';

/** Turns a failed sign-in into the sentence the user needs: what happened and what to do next. */
export function loginErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t('auth.errors.network');
  if (!(error instanceof ApiError)) return t('auth.errors.generic');
  const code = error.code;
  if (code === 'invalid_credentials' || (!code && error.status === 401)) return t('auth.errors.invalidCredentials');
  if (code === 'account_locked' || error.status === 423) {
    const until = typeof error.problem.lockedUntil === 'string' ? error.problem.lockedUntil : undefined;
    return until ? t('auth.errors.locked', { until: formatDateTime(until) }) : t('auth.errors.lockedNoTime');
  }
  if (code === 'account_disabled' || error.status === 403) return t('auth.errors.disabled');
  if (code === 'too_many_requests' || error.status === 429) {
    return error.retryAfterSeconds !== undefined
      ? t('auth.errors.tooManyRequests', { seconds: error.retryAfterSeconds })
      : t('auth.errors.tooManyRequestsNoTime');
  }
  return t('auth.errors.generic');
}

type Field = keyof LoginInput;
type FieldErrors = Partial<Record<Field, 'auth.emailRequired' | 'auth.emailInvalid' | 'auth.passwordRequired'>>;

// The shape AntD's `type: 'email'` rule accepted: something@domain.tld, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validate(values: LoginInput): FieldErrors {
  const errors: FieldErrors = {};
  const email = values.email.trim();
  if (!email) errors.email = 'auth.emailRequired';
  else if (!EMAIL.test(email)) errors.email = 'auth.emailInvalid';
  if (!values.password) errors.password = 'auth.passwordRequired';
  return errors;
}

/**
 * The sign-in form in plain HTML (no Ant Design, so the login page stays small; styled in index.css like the rest):
 * checked on submit, then again on every change, each message tied to its field by aria-describedby.
 */
export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<LoginInput>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  // Shows the typed password on request (a phone keyboard makes typos easy); the button says what it will do.
  const [showPassword, setShowPassword] = useState(false);
  const mutation = useMutation({ mutationFn: login, onSuccess });
  const pending = mutation.isPending;

  const change = (field: Field, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (submitted) setErrors(validate(next));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    const found = validate(values);
    setErrors(found);
    if (found.email || found.password) {
      document.getElementById(`${id}-${found.email ? 'email' : 'password'}`)?.focus();
      return;
    }
    mutation.mutate({ email: values.email.trim(), password: values.password });
  };

  const field = (name: Field, label: string, input: { type: string; autoComplete: string; inputMode?: 'email' }) => {
    const error = errors[name];
    return (
      <div className={`login-field${error ? ' login-field-invalid' : ''}`}>
        <label className="login-label" htmlFor={`${id}-${name}`}>
          {label}
        </label>
        <div className="login-input-wrap">
        <input
          id={`${id}-${name}`}
          name={name}
          className="login-input"
          {...input}
          value={values[name]}
          onChange={(e) => change(name, e.target.value)}
          disabled={pending}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-${name}-error` : undefined}
          // The page exists to sign in: the e-mail field takes the focus as AntD's autoFocus did.
          autoFocus={name === 'email'}
        />
        {name === 'password' ? (
          <button
            type="button"
            className="login-reveal"
            aria-controls={`${id}-password`}
            aria-pressed={showPassword}
            title={t(showPassword ? 'auth.hidePassword' : 'auth.showPassword')}
            onClick={() => setShowPassword((shown) => !shown)}
            disabled={pending}
          >
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <path
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z"
              />
              <circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" strokeWidth="2" />
              {showPassword ? <path stroke="currentColor" strokeWidth="2" d="M3 3l18 18" /> : null}
            </svg>
            {/* Named by text, not aria-label, so "Mật khẩu" still labels only the field. */}
            <span className="visually-hidden">{t(showPassword ? 'auth.hidePassword' : 'auth.showPassword')}</span>
          </button>
        ) : null}
        </div>
        {error ? (
          <div id={`${id}-${name}-error`} className="login-field-error">
            {t(error)}
          </div>
        ) : null}
      </div>
    );
  };

  return (
    <form className="login-form" noValidate onSubmit={submit} aria-label={t('auth.title')}>
      {mutation.isError ? (
        <div role="alert" data-testid="login-error" className="login-alert login-alert-error">
          {loginErrorMessage(mutation.error, t)}
        </div>
      ) : null}
      {field('email', t('auth.email'), { type: 'email', autoComplete: 'username', inputMode: 'email' })}
      {field('password', t('auth.password'), { type: showPassword ? 'text' : 'password', autoComplete: 'current-password' })}
      <button type="submit" className="login-submit" disabled={pending} aria-busy={pending || undefined}>
        {pending ? <span className="login-spinner" aria-hidden="true" /> : null}
        {t('auth.submit')}
      </button>
    </form>
  );
}
