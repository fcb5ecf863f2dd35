'use client';
// The inputs of the section editors. A field keeps what was typed; only a value the server would
// accept reaches onChange, and the reason an input is refused is shown at the field once she
// leaves it (at once in a new item). Each input carries its document path in data-path for the check panel.
import { useId, useState, type ReactNode } from 'react';
import { useEditor, useHighlighted, useReportInvalid } from './editor-context';
import * as parse from './parse';

interface ShellProps {
  label: string;
  path: string;
  hint?: ReactNode;
  unit?: string;
  error?: string;
  wide?: boolean;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}

/** Label, control, unit, message and hint of one field. */
function FieldShell({ label, path, hint, unit, error, wide, children }: ShellProps) {
  const id = useId();
  const highlighted = useHighlighted(path);
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const classes = ['field', wide ? 'field-wide' : '', highlighted ? 'is-highlighted' : '', error ? 'is-invalid' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label htmlFor={id}>{label}</label>
      <div className="field-control">
        {children({ id, describedBy })}
        {unit ? <span className="field-unit">{unit}</span> : null}
      </div>
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
    </div>
  );
}

export interface ValidatedProps<T> {
  label: string;
  path: string;
  value: T;
  onChange: (value: T) => void;
  hint?: ReactNode;
  unit?: string;
  wide?: boolean;
}

export interface Codec<T> {
  format: (value: T) => string;
  parse: (text: string) => parse.Parsed<T>;
  inputMode: 'decimal' | 'numeric' | 'text';
  /** Right-aligned in tabular figures, whatever keyboard inputMode asks for (a signed amount needs the minus key). */
  numeric?: boolean;
  multiline?: boolean;
  /** Offered while typing (a datalist), e.g. the codes of the year's catalogue. */
  suggestions?: readonly { value: string; label: string }[];
}

/** The text she typed, reset when the document's value changes from outside. */
function useTypedText(formatted: string) {
  const [state, setState] = useState({ text: formatted, source: formatted, touched: false });
  if (state.source !== formatted) {
    const reset = { text: formatted, source: formatted, touched: false };
    setState(reset);
    return [reset, setState] as const;
  }
  return [state, setState] as const;
}

/** A field of any kind: `codec` says how the value is shown and how typing is read. */
export function ValidatedField<T>({ label, path, value, onChange, hint, unit, wide, codec }: ValidatedProps<T> & { codec: Codec<T> }) {
  const { readOnly, isNewItem } = useEditor();
  const [state, setState] = useTypedText(codec.format(value));
  const result = codec.parse(state.text);
  const error = !result.ok && (state.touched || isNewItem) ? result.message : undefined;
  useReportInvalid(path, !readOnly && (!result.ok || Boolean(isNewItem)));
  const change = (text: string) => {
    const parsed = codec.parse(text);
    if (parsed.ok) {
      setState({ text, source: codec.format(parsed.value), touched: state.touched });
      if (codec.format(parsed.value) !== codec.format(value)) onChange(parsed.value);
    } else {
      setState({ ...state, text });
    }
  };
  const common = {
    value: state.text,
    readOnly,
    'data-path': path,
    'aria-invalid': error ? true : undefined,
    onBlur: () => setState((s) => ({ ...s, touched: true })),
  } as const;
  return (
    <FieldShell label={label} path={path} hint={hint} unit={unit} error={error} wide={wide || codec.multiline}>
      {({ id, describedBy }) =>
        codec.multiline ? (
          <textarea id={id} aria-describedby={describedBy} rows={3} {...common} onChange={(e) => change(e.target.value)} />
        ) : (
          <>
            <input id={id} aria-describedby={describedBy} type="text" inputMode={codec.inputMode} autoComplete="off" data-numeric={codec.numeric ? '' : undefined}
              list={codec.suggestions ? `${id}-list` : undefined} {...common} onChange={(e) => change(e.target.value)} />
            {codec.suggestions ? (
              <datalist id={`${id}-list`}>
                {codec.suggestions.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
              </datalist>
            ) : null}
          </>
        )
      }
    </FieldShell>
  );
}

const identity = (text: string) => text;
const optionalText = (value: string | undefined) => value ?? '';
const countText = (value: number | undefined) => (value === undefined ? '' : String(value));

const AMOUNT: Codec<string> = { format: identity, parse: (t) => parse.parseAmountText(t), inputMode: 'decimal' };
const SIGNED_AMOUNT: Codec<string | undefined> = { format: optionalText, parse: (t) => parse.parseOptionalAmountText(t, true), inputMode: 'text', numeric: true };
const OPTIONAL_AMOUNT: Codec<string | undefined> = { format: optionalText, parse: (t) => parse.parseOptionalAmountText(t), inputMode: 'decimal' };
const COUNT: Codec<number> = { format: countText, parse: parse.parseCountText, inputMode: 'numeric' };
const OPTIONAL_COUNT: Codec<number | undefined> = { format: countText, parse: parse.parseOptionalCountText, inputMode: 'numeric' };
const POINTS: Codec<string> = { format: identity, parse: parse.parsePointsText, inputMode: 'decimal' };
const OPTIONAL_POINTS: Codec<string | undefined> = { format: optionalText, parse: parse.parseOptionalPointsText, inputMode: 'decimal' };
const REQUIRED_TEXT: Codec<string> = { format: identity, parse: parse.parseRequiredText, inputMode: 'text' };
const TEXT: Codec<string> = { format: identity, parse: parse.parseAnyText, inputMode: 'text' };
const OPTIONAL_TEXT: Codec<string | undefined> = { format: optionalText, parse: (t) => ({ ok: true, value: t === '' ? undefined : t }), inputMode: 'text' };

/** 万元, not negative. */
export const AmountField = (p: ValidatedProps<string>) => <ValidatedField {...p} unit={p.unit ?? '万元'} codec={AMOUNT} />;
export const OptionalAmountField = (p: ValidatedProps<string | undefined> & { signed?: boolean }) => (
  <ValidatedField {...p} unit={p.unit ?? '万元'} codec={p.signed ? SIGNED_AMOUNT : OPTIONAL_AMOUNT} />
);
export const CountField = (p: ValidatedProps<number>) => <ValidatedField {...p} codec={COUNT} />;
export const OptionalCountField = (p: ValidatedProps<number | undefined>) => <ValidatedField {...p} codec={OPTIONAL_COUNT} />;
export const PointsField = (p: ValidatedProps<string>) => <ValidatedField {...p} unit={p.unit ?? '分'} codec={POINTS} />;
export const OptionalPointsField = (p: ValidatedProps<string | undefined>) => <ValidatedField {...p} unit={p.unit ?? '分'} codec={OPTIONAL_POINTS} />;
/** A text the schema requires to be non-empty. */
export const NameField = (p: ValidatedProps<string>) => <ValidatedField {...p} codec={REQUIRED_TEXT} />;
export const TextField = (p: ValidatedProps<string>) => <ValidatedField {...p} codec={TEXT} />;
export const OptionalTextField = (p: ValidatedProps<string | undefined>) => <ValidatedField {...p} codec={OPTIONAL_TEXT} />;
export const TextAreaField = (p: ValidatedProps<string> & { required?: boolean }) => (
  <ValidatedField {...p} codec={{ ...(p.required ? REQUIRED_TEXT : TEXT), multiline: true }} />
);
export const OptionalTextAreaField = (p: ValidatedProps<string | undefined>) => <ValidatedField {...p} codec={{ ...OPTIONAL_TEXT, multiline: true }} />;

interface SelectProps<T extends string> {
  label: string;
  path: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}

export function SelectField<T extends string>({ label, path, value, options, onChange }: SelectProps<T>) {
  const { readOnly } = useEditor();
  return (
    <FieldShell label={label} path={path}>
      {({ id }) => (
        <select id={id} value={value} disabled={readOnly} data-path={path}
          onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? value)}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </FieldShell>
  );
}

/** YYYY-MM-DD or absent. */
export function DateField({ label, path, value, onChange }: ValidatedProps<string | undefined>) {
  const { readOnly } = useEditor();
  return (
    <FieldShell label={label} path={path}>
      {({ id }) => (
        <input id={id} type="date" value={value ?? ''} readOnly={readOnly} data-path={path}
          onChange={(e) => onChange(/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? e.target.value : undefined)} />
      )}
    </FieldShell>
  );
}
