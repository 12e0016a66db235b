import { ToneTag, type Tone } from '@/components/tone-tag';
import { App, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatDateTime } from '@/lib/format/date';
import {
  useAttendanceSheet,
  useCompleteCourse,
  useRecordAssessments,
  useRecordAttendance,
  type AttendanceMark, type AttendanceSheet, type CompletionResult } from '../api/enrolments';
import '../strings';

const MARKS: AttendanceMark[] = ['Present', 'Late', 'Excused', 'Absent'];
/** Keys that set a mark in a focused cell: p/1 present, l/2 late, e/3 excused, a/4 absent. */
const SHORTCUTS: Record<string, AttendanceMark> = { p: 'Present', '1': 'Present', l: 'Late', '2': 'Late', e: 'Excused', '3': 'Excused', a: 'Absent', '4': 'Absent' };
const RESULT_TONE: Record<CompletionResult, Tone> = { Pending: 'neutral', Completed: 'green', NotCompleted: 'red' };

type Draft = Record<string, Record<string, AttendanceMark | ''>>;

function draftOf(sheet: AttendanceSheet): Draft {
  const draft: Draft = {};
  for (const s of sheet.sessions) draft[s.id] = {};
  for (const row of sheet.rows)
    for (const m of row.marks) {
      const session = draft[m.sessionId];
      if (session) session[row.enrolmentId] = m.mark;
    }
  return draft;
}

/**
 * Attendance of a course: one row per enrolled participant, one column per session. Every cell is a select reached
 * with Tab or the arrow keys (letters p/l/e/a or 1–4 set a mark); "all present" fills a session; saving sends one
 * PUT per session. The result column is the server's live computation by the completion rule.
 */
export function AttendanceSheetRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { courseId = '' } = useParams();
  const query = useAttendanceSheet(courseId);
  const record = useRecordAttendance(courseId);
  const [draft, setDraft] = useState<Draft>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [assessments, setAssessments] = useState<Record<string, '' | 'passed' | 'failed'>>({});
  const recordAssessments = useRecordAssessments(courseId);
  const complete = useCompleteCourse(courseId);
  const canComplete = useHasPermission(PERMISSIONS.coursesManage);
  const table = useRef<HTMLTableElement>(null);
  const sheet = query.data;
  const label = (key: string, options: Record<string, unknown> = {}) => t(`trainingLearning.attendance.${key}`, options);

  useEffect(() => {
    if (!sheet) return;
    setDraft(draftOf(sheet));
    setAssessments(
      Object.fromEntries(
        sheet.rows.map((r) => [r.enrolmentId, r.assessmentPassed == null ? '' : r.assessmentPassed ? 'passed' : 'failed'] as const),
      ),
    );
  }, [sheet]);
  useEffect(() => {
    if (sheet) document.title = `${label('title', { code: sheet.code })} · ${t('app.name')}`;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sheet?.code]);

  const saved = useMemo(() => (sheet ? draftOf(sheet) : {}), [sheet]);
  if (query.isPending) return <LoadingState />;
  if (query.isError || !sheet) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const locked = sheet.status === 'Completed' || sheet.status === 'Cancelled';
  const editable = (sessionId: string) => !locked && !!sheet.sessions.find((s) => s.id === sessionId)?.started;
  const dirty = (sessionId: string) => JSON.stringify(draft[sessionId] ?? {}) !== JSON.stringify(saved[sessionId] ?? {});
  const setMark = (sessionId: string, enrolmentId: string, mark: AttendanceMark | '') =>
    setDraft((d) => ({ ...d, [sessionId]: { ...d[sessionId], [enrolmentId]: mark } }));
  const allPresent = (sessionId: string) =>
    setDraft((d) => ({ ...d, [sessionId]: Object.fromEntries(sheet.rows.map((r) => [r.enrolmentId, 'Present' as const])) }));

  const save = (sessionId: string) => {
    const marks = Object.entries(draft[sessionId] ?? {})
      .filter(([, mark]) => mark !== '')
      .map(([enrolmentId, mark]) => ({ enrolmentId, mark: mark as AttendanceMark }));
    if (marks.length === 0) return;
    setSaving(sessionId);
    record.mutate(
      { sessionId, marks },
      {
        onSuccess: () => void message.success(label('saved')),
        onError: (error) => void message.error(error.message),
        onSettled: () => setSaving(null),
      },
    );
  };

  /** Arrow keys move between cells (rows × sessions); shortcut letters set the mark. */
  const onKeyDown = (e: KeyboardEvent<HTMLSelectElement>, row: number, col: number, sessionId: string, enrolmentId: string) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      const next = table.current?.querySelector<HTMLSelectElement>(`select[data-cell="${row + move[0]}:${col + move[1]}"]`);
      next?.focus();
      return;
    }
    const mark = SHORTCUTS[e.key.toLowerCase()];
    if (mark && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setMark(sessionId, enrolmentId, mark);
    }
  };

  const saveAssessments = () =>
    recordAssessments.mutate(
      sheet.rows.map((r) => ({
        enrolmentId: r.enrolmentId,
        passed: assessments[r.enrolmentId] === 'passed' ? true : assessments[r.enrolmentId] === 'failed' ? false : null,
      })),
      {
        onSuccess: () => void message.success(label('assessmentsSaved')),
        onError: (error) => void message.error(error.message),
      },
    );
  const allOver = sheet.sessions.every((s) => Date.parse(s.endsAt) <= Date.now());
  const completeCourse = () =>
    complete.mutate(sheet.courseVersion, {
      onSuccess: () => void message.success(label('completed')),
      onError: (error) => void message.error(error.message),
    });

  const rule = label('rule', { percent: sheet.minAttendancePercent, assessment: sheet.assessmentRequired ? label('ruleAssessment') : '' });
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
          {label('title', { code: sheet.code })}
        </Typography.Title>
      }
      extra={
        <Flex gap={8} wrap>
          {sheet.assessmentRequired && !locked && sheet.rows.length > 0 ? (
            <Button onClick={saveAssessments} loading={recordAssessments.isPending}>
              {label('saveAssessments')}
            </Button>
          ) : null}
          {canComplete && sheet.status === 'Running' && allOver ? (
            <Popconfirm title={label('completeConfirm')} onConfirm={completeCourse} okText={label('complete')}>
              <Button type="primary" loading={complete.isPending}>
                {label('complete')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      }
    >
      <Typography.Paragraph>
        <strong>{sheet.title}</strong>
        <br />
        <Typography.Text type="secondary">{rule}</Typography.Text>
      </Typography.Paragraph>
      {sheet.sessions.length === 0 ? (
        <EmptyState description={label('noSessions')} />
      ) : sheet.rows.length === 0 ? (
        <EmptyState description={label('noParticipants')} />
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table ref={table} className="attendance-sheet" data-testid="attendance-sheet" style={{ borderCollapse: 'collapse', minWidth: '100%' }}>
            <thead>
              <tr>
                <th scope="col" style={{ textAlign: 'left', padding: 8, position: 'sticky', left: 0, background: '#fff' }}>
                  {label('participant')}
                </th>
                {sheet.sessions.map((s, i) => (
                  <th key={s.id} scope="col" style={{ padding: 8, minWidth: 150, verticalAlign: 'top' }}>
                    <div>
                      {i + 1}. {s.topic}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(s.startsAt)}
                    </Typography.Text>
                    {editable(s.id) ? (
                      <Flex gap={4} wrap justify="center" style={{ marginTop: 4 }}>
                        <Button size="small" onClick={() => allPresent(s.id)} aria-label={`${label('allPresent')} – ${i + 1}. ${s.topic}`}>
                          {label('allPresent')}
                        </Button>
                        <Button
                          size="small"
                          type="primary"
                          disabled={!dirty(s.id)}
                          loading={saving === s.id}
                          onClick={() => save(s.id)}
                          aria-label={`${label('save')} – ${i + 1}. ${s.topic}`}
                        >
                          {label('save')}
                        </Button>
                      </Flex>
                    ) : !s.started ? (
                      <div>
                        <Tag>{label('notStarted')}</Tag>
                      </div>
                    ) : null}
                  </th>
                ))}
                {sheet.assessmentRequired ? (
                  <th scope="col" style={{ padding: 8 }}>
                    {label('assessment')}
                  </th>
                ) : null}
                <th scope="col" style={{ padding: 8 }}>
                  {label('attended')}
                </th>
                <th scope="col" style={{ padding: 8 }}>
                  {label('result')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sheet.rows.map((r, row) => {
                const result = sheet.status === 'Completed' ? r.result : r.computedResult;
                return (
                  <tr key={r.enrolmentId} style={{ borderTop: '1px solid #f0f0f0' }}>
                    <th scope="row" style={{ textAlign: 'left', padding: 8, fontWeight: 500, position: 'sticky', left: 0, background: '#fff' }}>
                      {r.officialName}
                    </th>
                    {sheet.sessions.map((s, col) => (
                      <td key={s.id} style={{ padding: 4, textAlign: 'center' }}>
                        <select
                          data-cell={`${row}:${col}`}
                          aria-label={label('cellLabel', { name: r.officialName, session: col + 1 })}
                          value={draft[s.id]?.[r.enrolmentId] ?? ''}
                          disabled={!editable(s.id)}
                          onChange={(e) => setMark(s.id, r.enrolmentId, e.target.value as AttendanceMark | '')}
                          onKeyDown={(e) => onKeyDown(e, row, col, s.id, r.enrolmentId)}
                          style={{ minHeight: 32, minWidth: 120 }}
                        >
                          <option value="">{label('unmarked')}</option>
                          {MARKS.map((m) => (
                            <option key={m} value={m}>
                              {label(`marks.${m}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                    ))}
                    {sheet.assessmentRequired ? (
                      <td style={{ padding: 4, textAlign: 'center' }}>
                        <select
                          aria-label={label('assessmentLabel', { name: r.officialName })}
                          value={assessments[r.enrolmentId] ?? ''}
                          disabled={locked}
                          onChange={(e) => setAssessments((a) => ({ ...a, [r.enrolmentId]: e.target.value as '' | 'passed' | 'failed' }))}
                          style={{ minHeight: 32, minWidth: 110 }}
                        >
                          <option value="">{label('unmarked')}</option>
                          <option value="passed">{label('passed')}</option>
                          <option value="failed">{label('failed')}</option>
                        </select>
                      </td>
                    ) : null}
                    <td style={{ padding: 8, textAlign: 'center' }}>{r.attendancePercent}%</td>
                    <td style={{ padding: 8 }} data-testid={`result-${r.enrolmentId}`}>
                      <ToneTag tone={RESULT_TONE[result]}>{t(`trainingLearning.results.${result}`)}</ToneTag>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

export { AttendanceSheetRoute as Component };
