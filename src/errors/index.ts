export {
  type ErrorCode,
  type InputIssue,
  type IssuePath,
  isOrderToCashError,
  OrderToCashError,
} from './OrderToCashError.js';
export { formatPath } from './messages.js';
export { invalidInput, parseInput, toInputIssues } from './parseInput.js';
