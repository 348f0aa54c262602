/**
 * The Chinese catalogue (中文消息): exactly the keys of en.ts, each with a message taking the same
 * parameters (its type is `Catalogue`, so a missing or extra key does not compile). Terms follow
 * the forms and documents (A105050 行次, 职工教育经费, 教育费附加 …). Keep each area's keys between
 * its markers, in the order of en.ts.
 */
import type { Catalogue } from './en.js';

export const zh: Catalogue = {
  // --- common ---
  'common.nothingWritten': '未写入任何文件',
  // --- end common ---
  // --- cli ---
  'cli.problemsInInput': (p) => `输入中有 ${p.n} 个问题${p.truncated ? '（未全部列出：可调高 --max-errors）' : ''}；未写入任何文件`,
  'cli.amountTooLarge': '请检查输入中是否有金额输入过大；未写入任何文件',
  'cli.internalError': (p) => `内部错误：${p.what}${p.debug ? '' : '（设置 SKILLTAX_DEBUG=1 可显示出错位置）'}；未写入任何文件；请报告此问题`,
  // --- end cli ---
  // --- run ---
  'run.unknownEnterprises': (p) => `报表中有 ${p.n} 个企业代码不在 enterprises.csv 中（${p.ids}${p.more ? ' …' : ''}）：无企业名称和镇街道`,
  'run.reformHeading': (p) => `调整方案 ${p.file} 与现行政策对比（全部镇街道、全部年度）：`,
  'run.reformNoChange': '各项金额与现行政策相同',
  // --- end run ---
  // --- report ---
  // --- end report ---
  // --- html ---
  // --- end html ---
  // --- io ---
  'io.enterpriseTwice': (p) => `enterprise_id：${p.id} 重复出现（首次在第 ${p.first} 行）`,
  // --- end io ---
  // --- deduct ---
  // --- end deduct ---
  // --- credit ---
  // --- end credit ---
  // --- subsidy ---
  // --- end subsidy ---
  // --- awards ---
  // --- end awards ---
  // --- exempt ---
  // --- end exempt ---
  // --- ledger ---
  // --- end ledger ---
  // --- rules ---
  // --- end rules ---
  // --- domain ---
  // --- end domain ---
};
