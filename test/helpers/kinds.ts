/**
 * A small valid file of every input kind `validate` knows (README "Input files"), for the tests
 * that break files on purpose (test/input-robustness, test/fuzz): the header, then rows that
 * validate clean.
 */
import { personIdCheckChar } from '../../src/domain/ids.js';

export const A = '91330282MA2B000016';
export const B = '91330282MA2B000029';
/** A valid 居民身份证号 from its first 17 digits. */
export const pid = (first17: string) => first17 + personIdCheckChar(first17)!;
export const P1 = pid('33028219900101001');
export const P2 = pid('33028219850615002');

export interface KindSample {
  /** the kind, as `validate --kind` takes it */
  kind: string;
  /** the file name `validate` infers the kind from */
  file: string;
  header: string;
  rows: string[];
}

export const KIND_SAMPLES: KindSample[] = [
  { kind: 'payroll', file: 'payroll.csv', header: 'enterprise_id,period,wages,employee_id', rows: [`${A},2023-01,400000.00,E1`, `${B},2023,1234.56,张三`] },
  {
    kind: 'training',
    file: 'training.csv',
    header: 'enterprise_id,date,category,amount,incurred,description',
    rows: [`${A},2023-03-01,education,100000.00,,技能培训`, `${B},2023-05-01,职工教育经费,2000.00,1500.00,"安全生产,培训"`],
  },
  { kind: 'qualifications', file: 'qualifications.csv', header: 'enterprise_id,qualification,valid_from,valid_to', rows: [`${A},high_tech,2015-01-01,2017-12-31`, `${B},pcie_pilot,2020-01-01,`] },
  {
    kind: 'ledger',
    file: 'ledger.csv',
    header: 'enterprise_id,kind,period,opening,added,used,closing',
    rows: [`${A},education_expense,2022,0.00,1000.00,400.00,600.00`, `${A},education_expense,2023,600.00,0.00,600.00,0.00`],
  },
  { kind: 'surcharges', file: 'surcharges.csv', header: 'enterprise_id,period,vat,sales,paid_edu', rows: [`${A},2024-01,100000.00,1000000.00,`, `${B},2024-Q1,3000.00,250000.00,10.00`] },
  {
    kind: 'trainees',
    file: 'trainees.csv',
    header: 'claim_id,person_id,program,group,claim_date,name,occupation,level,certificate_type,certificate_date,insured_months',
    rows: [`C1,${P1},training,employee,2024-03-01,张三,电工,5,skill_level,2024-01-10,24`, `C2,${P2},skill_upgrade,employee,2024-04-01,李四,焊工,4,skill_level,2024-02-01,40`],
  },
  {
    kind: 'catalog',
    file: 'catalog.csv',
    header: 'program,occupation,level,amount,unit,valid_from,valid_to,shortage,source',
    rows: ['training,*,5,1000.00,per_claim,2020-01-01,,no,example', 'skill_upgrade,*,4,1500.00,per_claim,2020-01-01,,no,example'],
  },
  { kind: 'history', file: 'history.csv', header: 'person_id,program,paid_date,amount,occupation,level', rows: [`${P1},training,2022-01-01,1000.00,钳工,5`] },
  { kind: 'enterprises', file: 'enterprises.csv', header: 'enterprise_id,name,town,industry', rows: [`${A},宁波某机械有限公司,浒山街道,制造业`] },
  {
    kind: 'awards',
    file: 'awards.csv',
    header: 'award_id,program,recipient_id,year,level,rating,rank,count,prior_count,event',
    rows: [`W1,shanglin_gold,${P1},2024,,,,,,`, `W2,shortage_retention,${A},2024,,,,5,4,`, 'W3,master_studio_rating,CX-DSGZS-01,2024,,优秀,,,,'],
  },
  { kind: 'award_history', file: 'award-history.csv', header: 'award_id,program,recipient_id,year,level,amount', rows: ['H1,技能大师工作室,CX-DSGZS-01,2020,市级,50000.00', `H2,上林工匠,${P2},2021,,5000.00`] },
  {
    kind: 'properties',
    file: 'properties.csv',
    header: 'asset_id,enterprise_id,tax,school_type,use,year,original_value,rent,area_m2,unit_tax,separate_land,price,date,months',
    rows: [`S1,${A},property,enterprise_school,teaching,2024,1000000.00,,,,,,,`, `S2,${A},land_use,enterprise_school,teaching,2024,,,1000,5.00,是,,,6`, `S3,${B},契税,非营利性学校,办公,,,,,,,"1,000,000.00",2021-09-01,`],
  },
  {
    kind: 'certificates',
    file: 'certificates.csv',
    header: 'person_id,certificate_no,certificate_type,occupation,level,certificate_date,route,name,provider_id,training_start,training_end',
    rows: [`${P1},Z3302001,skill_level,电工,5,2024-01-10,standard,张三,PV01,2023-11-01,2023-12-20`, `${P2},Z3302002,职业技能等级证书,焊工,中级,2024/2/1,,李四,,,`],
  },
  { kind: 'insurance', file: 'insurance.csv', header: 'person_id,period,enterprise_id', rows: [`${P1},2023-01,${A}`, `${P1},2023-02,${B}`, `${P2},202302,${A}`] },
  {
    kind: 'providers',
    file: 'providers.csv',
    header: 'provider_id,name,filed_from,filed_to,star,review_year,review_result',
    rows: ['PV01,慈溪某职业培训学校,2020-01-01,2025-12-31,4,2023,合格', 'PV02,宁波某培训中心,2021-06-01,,,,'],
  },
  { kind: 'fund', file: 'fund.csv', header: 'year,program,allocated,source', rows: ['2024,*,"1,000,000.00",慈财社〔2024〕1号', '2024,skill_upgrade,500000.00,'] },
  { kind: 'declared', file: 'declared.csv', header: 'enterprise_id,year,wages,deductible', rows: [`${A},2023,400000.00,32000.00`] },
  { kind: 'declared_credits', file: 'declared-credits.csv', header: 'enterprise_id,period,fee,credit', rows: [`${A},2024-01,education_surcharge,1800.00`] },
];
