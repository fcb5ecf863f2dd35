'use client';
// One amount cell of the entry grid: the figure as printed ("2,882.93"), or what she typed when
// it is not an amount (kept, marked and explained), or the input she is typing into. Derived
// cells are read-only and look different; cells the check panel points at are highlighted.
import type { KeyboardEvent, Ref } from 'react';
import { formatAmount, parseAmount } from '@/lib/accounts/money';

export interface AmountCellProps {
  cellKey: string;
  value: string | null;
  /** Words for the input's label: "2010350 事业运行 基本支出". */
  label: string;
  isDerived: boolean;
  isReadOnly: boolean;
  isActive: boolean;
  isHighlighted: boolean;
  isPending: boolean;
  refused: { text: string; message: string } | undefined;
  serverError: string | undefined;
  editing: { text: string } | undefined;
  messageId: string;
  cellRef: Ref<HTMLTableCellElement>;
  /** Mouse down on the cell; `wasActive` says whether it was the active cell already. */
  onPress: (wasActive: boolean) => void;
  onClick: () => void;
  onStartEdit: () => void;
  onEditText: (text: string) => void;
  onEditKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onEditBlur: () => void;
}

export function AmountCell({ cellRef, ...props }: AmountCellProps) {
  const { value, refused, serverError, editing, isActive } = props;
  const problem = refused?.message ?? serverError;
  const classes = [
    'amount',
    props.isDerived ? 'derived' : 'input',
    isActive ? 'active' : '',
    props.isHighlighted ? 'highlighted' : '',
    problem ? 'invalid' : '',
    props.isPending ? 'pending' : '',
  ].filter(Boolean).join(' ');
  const shown = refused ? refused.text : value === null ? '' : formatAmount(parseAmount(value));

  return (
    <td
      ref={cellRef}
      role="gridcell"
      className={classes}
      data-cell={props.cellKey}
      tabIndex={isActive ? 0 : -1}
      aria-readonly={props.isDerived || props.isReadOnly || undefined}
      aria-invalid={problem ? true : undefined}
      aria-describedby={problem && isActive ? props.messageId : undefined}
      aria-selected={isActive}
      title={problem ?? (props.isDerived ? '由系统计算' : undefined)}
      onMouseDown={editing ? undefined : () => props.onPress(isActive)}
      onClick={editing ? undefined : props.onClick}
      onDoubleClick={editing ? undefined : props.onStartEdit}
    >
      {editing ? (
        <input
          className="cell-input"
          aria-label={props.label}
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={editing.text}
          onChange={(event) => props.onEditText(event.target.value)}
          onKeyDown={props.onEditKeyDown}
          onBlur={props.onEditBlur}
          onFocus={(event) => {
            // The caret after what is there, as in a spreadsheet.
            const end = event.target.value.length;
            event.target.setSelectionRange(end, end);
          }}
        />
      ) : (
        shown
      )}
    </td>
  );
}
