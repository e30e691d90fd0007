// Throwaway: the Collect screens with the contract's JSON served by page.route, to look at them.
import { chromium } from 'playwright-core';
import { deflateSync } from 'node:zlib';
const BASE = 'http://127.0.0.1:' + process.argv[2];
const lang = process.argv[3] || 'en';
const now = new Date().toISOString();
const token = 'Ab$!'.repeat(16);
const settings = deflateSync(Buffer.from(JSON.stringify({general:{server_url:BASE+'/openrosa/key/'+token},admin:{},project:{name:'Mobilise'}}))).toString('base64');
const dev = {id:'d1',name:'Gul’s Samsung A03',user_id:'u1',user_name:'Demo mobiliser (P1)',created_at:now,last_used_at:now,revoked_at:null};
const form = {id:'f1',xml_form_id:'water_points_2026',title:'Water points survey',kind:'custom',state:'open',published_version:'2026.1',versions:[{version:'2026.1',md5:'0123456789abcdef0123456789abcdef',created_at:now,published_at:now},{version:'2026.2',md5:'fedcba9876543210fedcba9876543210',created_at:now,published_at:null}],assignments:{device_ids:['d1'],area_ids:[]},submissions:12,version:3};
const forms = {items:[form,{...form,id:'f2',xml_form_id:'mobilise_household',title:'Household registration',kind:'household',submissions:340},{...form,id:'f3',xml_form_id:'draft_x',title:'Baseline questionnaire',published_version:null,versions:[form.versions[1]],submissions:0}]};
const row = {id:'s1',instance_id:'uuid:3f1c2a9e-0b7d-4c55-9a43-1f2e3d4c5b6a',instance_name:'Gul Bibi',submitted_at:now,user_id:'u1',user_name:'Demo mobiliser (P1)',device_name:'Gul’s Samsung A03',area_id:null,review_state:'received',record_type:null,record_id:null,attachments_present:1,attachments_expected:1,version:1};
const sub = {...row, form_id:'f1', values:[['/data/respondent','Gul Bibi'],['/data/households','4'],['/data/photo','well.png'],['/data/meta/instanceID',row.instance_id]],attachments:[{name:'well.png',present:true,url:'./icon.svg'}],comments:[{user_name:'Demo officer',body:'Photo is blurred.',review_state:'has_issues',created_at:now}]};
const browser = await chromium.launch({executablePath:'/usr/bin/chromium',args:['--no-sandbox','--headless']});
const ctx = await browser.newContext({viewport:{width:360,height:740},baseURL:BASE,serviceWorkers:'block'});
const page = await ctx.newPage();
await page.route('**/api/v1/devices', (r) => r.request().method()==='POST' ? r.fulfill({status:201,json:{...dev,id:'d2',token,server_url:BASE+'/openrosa/key/'+token,settings}}) : r.fulfill({json:{items:[dev,{...dev,id:'d0',name:'Old phone',revoked_at:now}]}}));
await page.route('**/api/v1/forms', (r) => r.request().method()==='POST' ? r.fulfill({status:400,json:{error:{code:'validation',message:'The form has 2 problems.',fields:{'survey[3].type':"Unknown question type 'integr' (row 5).",'version':'Version 2026.1 is already uploaded.'}}}}) : r.fulfill({json:forms}));
await page.route('**/api/v1/forms/f1', (r) => r.fulfill({json:form}));
await page.route('**/api/v1/forms/f1/submissions*', (r) => r.fulfill({json:{items:[row,{...row,id:'s2',instance_name:'Khan Wali',review_state:'approved'}],next_cursor:'abc'}}));
await page.route('**/api/v1/submissions/s1', (r) => r.fulfill({json:sub}));
{
  const res = await fetch(BASE + '/api/v1/session', {method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({username:'admin',password:'admin-demo-pass'})});
  const cookie = /mobilise_session=[^;]*/.exec(res.headers.get('set-cookie'))[0]; const b = await res.json();
  await fetch(BASE + '/api/v1/session', {method:'PATCH',headers:{cookie,'x-csrf-token':b.csrf_token,'content-type':'application/json'},body:JSON.stringify({locale:lang})});
}
await page.goto('/');
await page.evaluate((l) => localStorage.setItem('mobilise.lang', l), lang);
await page.reload();
await page.getByTestId('login-username').fill('admin');
await page.getByTestId('login-password').fill('admin-demo-pass');
await page.getByTestId('login-submit').click();
await page.getByTestId('user-name').waitFor({state:'attached'});
for (const [name, hash, wait] of [['forms','#/collect','col-form-table'],['form','#/collect/forms/f1','col-versions'],['subs','#/collect/forms/f1/submissions','col-sub-table'],['sub','#/collect/submissions/s1','col-review'],['devices','#/collect/devices','col-device-table']]) {
  await page.goto(BASE + '/' + hash);
  await page.getByTestId(wait).waitFor();
  if (name==='devices') {
    await page.getByTestId('col-device-new').click();
    await page.getByTestId('col-device-name').fill('Phone 2');
    await page.getByTestId('col-device-user-search').fill('mobiliser.u1');
    await page.getByTestId('col-device-user-option').first().click();
    await page.getByTestId('col-device-save').click();
    await page.getByTestId('col-qr').waitFor();
  }
  if (name==='forms') {
    await page.getByTestId('col-upload-file').setInputFiles({name:'survey.xlsx',mimeType:'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',buffer:Buffer.from('PK')});
    await page.getByTestId('col-upload-send').click();
    await page.getByTestId('col-upload-errors').waitFor();
  }
  if (name==='devices') {
    await page.getByTestId('col-once-done').click();
    await page.getByTestId('col-device-revoke').first().click();
  }
  await page.waitForTimeout(300);
  const ov = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  console.log(name, 'overflow', ov);
  await page.screenshot({ path: `/tmp/colprev/${name}-${lang}.png`, fullPage: true });
}
await browser.close();
