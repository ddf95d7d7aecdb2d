// scorm12.test.ts — the SCORM 1.2 adapter (web/src/lms/scorm12.ts) against a fake LMS API: discovery
// through parents and the opener, the values set and committed, status by mastery, one error notice.
import { describe, expect, it } from 'vitest';
import { findApi, lessonStatus, LmsSession, timespan, type Scorm12Api } from '../../web/src/lms/scorm12';

/** A minimal LMS: a CMI store, a call log, and optionally a failing element. */
function fakeLms(init: Record<string, string> = {}, failOn?: string) {
  const cmi: Record<string, string> = { 'cmi.core.lesson_status': 'not attempted', 'cmi.suspend_data': '', ...init };
  const log: string[] = [];
  let last = '0';
  const api: Scorm12Api = {
    LMSInitialize: () => { log.push('init'); return 'true'; },
    LMSFinish: () => { log.push('finish'); return 'true'; },
    LMSGetValue: (k) => cmi[k] ?? '',
    LMSSetValue: (k, v) => {
      if (k === failOn) { last = '405'; return 'false'; }
      cmi[k] = v; log.push(`set ${k}=${v}`); return 'true';
    },
    LMSCommit: () => { log.push('commit'); return 'true'; },
    LMSGetLastError: () => last,
    LMSGetErrorString: (c) => (c === '405' ? 'Incorrect Data Type' : ''),
  };
  return { api, cmi, log };
}

type Win = { API?: unknown; parent: Win | null; opener?: Win | null };
const chain = (depth: number, api?: Scorm12Api): Win => {
  const top: Win = { API: api, parent: null };
  top.parent = top;
  let w = top;
  for (let i = 0; i < depth; i++) w = { parent: w };
  return w;
};

describe('API discovery', () => {
  it('finds the API on an ancestor within 10 hops, or on the opener', () => {
    const { api } = fakeLms();
    expect(findApi(chain(0, api))).toBe(api);
    expect(findApi(chain(3, api))).toBe(api);
    expect(findApi(chain(10, api))).toBe(api);
    expect(findApi(chain(11, api))).toBeNull();
    const popup: Win = { parent: null, opener: chain(2, api) };
    popup.parent = popup;
    expect(findApi(popup)).toBe(api);
    expect(findApi(chain(2))).toBeNull();
  });
  it('ignores what is not a SCORM API and stops at a cross-origin ancestor', () => {
    expect(findApi(chain(1, { LMSInitialize: 1 } as unknown as Scorm12Api))).toBeNull();
    const blocked = { get API(): unknown { throw new Error('SecurityError'); }, parent: null as Win | null };
    blocked.parent = blocked;
    expect(findApi({ parent: blocked })).toBeNull();
  });
});

describe('values', () => {
  it('writes CMITimespan as HHHH:MM:SS.SS', () => {
    expect(timespan(0)).toBe('0000:00:00.00');
    expect(timespan(61_250)).toBe('0000:01:01.25');
    expect(timespan(3_723_000)).toBe('0001:02:03.00');
  });
  it('passes at the mastery score (80 without one), fails only when every exercise was tried', () => {
    expect(lessonStatus({ score: 85, read: true, allAttempted: false }, null)).toBe('passed');
    expect(lessonStatus({ score: 70, read: true, allAttempted: false }, null)).toBe('incomplete');
    expect(lessonStatus({ score: 70, read: true, allAttempted: true }, null)).toBe('failed');
    expect(lessonStatus({ score: 70, read: true, allAttempted: true }, 60)).toBe('passed');
    expect(lessonStatus({ score: null, read: true, allAttempted: true }, 60)).toBe('completed');
    expect(lessonStatus({ score: null, read: false, allAttempted: false }, 60)).toBe('incomplete');
  });
});

describe('a session', () => {
  it('initialises, reports score, status and suspend data with a commit, and finishes as suspend', () => {
    const { api, cmi, log } = fakeLms({ 'cmi.student_data.mastery_score': '75', 'cmi.suspend_data': 'old' });
    const errors: string[] = [];
    const s = LmsSession.start(chain(1, api), (m) => errors.push(m))!;
    expect(s.mastery).toBe(75);
    expect(cmi['cmi.core.lesson_status']).toBe('incomplete');
    expect(s.suspendData()).toBe('old');
    s.report({ score: 80, read: true, allAttempted: false }, 'new');
    expect(cmi).toMatchObject({ 'cmi.core.score.raw': '80', 'cmi.core.score.max': '100', 'cmi.core.lesson_status': 'passed', 'cmi.suspend_data': 'new' });
    expect(log.at(-1)).toBe('commit');
    s.finish();
    expect(cmi['cmi.core.exit']).toBe('suspend');
    expect(cmi['cmi.core.session_time']).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    expect(log.at(-1)).toBe('finish');
    s.report({ score: 10, read: true, allAttempted: true }, 'late');
    expect(cmi['cmi.suspend_data']).toBe('new');
    expect(errors).toEqual([]);
  });
  it('is null without an LMS, and an LMS error is reported once with its SCORM code', () => {
    expect(LmsSession.start(chain(2), () => undefined)).toBeNull();
    const { api } = fakeLms({}, 'cmi.core.score.raw');
    const errors: string[] = [];
    const s = LmsSession.start(chain(0, api), (m) => errors.push(m))!;
    s.report({ score: 50, read: true, allAttempted: false }, 'a');
    s.report({ score: 60, read: true, allAttempted: false }, 'b');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('LMSSetValue(cmi.core.score.raw): Incorrect Data Type (SCORM error 405)');
    expect(errors[0]).toContain('kept in this browser');
  });
});
