/**
 * Traditional → simplified Chinese characters, one code unit each, for the characters news about
 * the border uses (places, institutions, event verbs). Folding them lets one pattern or gazetteer
 * name match Taiwanese, Hong Kong and mainland spellings alike ("圖們" and "图们"). Pairs are read
 * two characters at a time: traditional, then simplified.
 */
const PAIRS =
  '國国們们圖图韓韩鮮鲜遼辽寧宁邊边境境進进遣遣鎮镇縣县區区東东長长門门壩坝橋桥龍龙興兴鳳凤陽阳瀋沈慶庆鄉乡' +
  '關关擊击處处決决槍枪殺杀獄狱監监際际聯联會会協协議议條条約约難难民民據据報报導导訊讯號号齊齐' +
  '攝摄鐵铁絲丝網网圍围牆墙崗岗哨哨測测備备設设裝装軍军衛卫隊队員员門门禁禁錄录檢检查查證证' +
  '脫脱離离戰战爭争開开發发現现實实親亲屬属婦妇兒儿嬰婴歲岁兩两萬万億亿幾几數数餘余層层' +
  '記记說说話话語语談谈請请問问題题認认為为稱称對对們们這这個个於于與与從从後后來来過过還还' +
  '無无將将會会從从機机構构織织權权專专傳传務务區区組组團团體体黨党員员領领導导書书長长' +
  '歐欧亞亚廣广華华灣湾臺台蘇苏聯联羅罗俄俄蒙蒙寮寮緬缅趙赵劉刘鄭郑陳陈張张黃黄楊杨吳吴孫孙' +
  '運运動动車车轉转場场廳厅館馆總总領领館馆辦办處处駐驻謂谓讓让贊赞預预選选舉举' +
  '飢饥饑饥荒荒糧粮食食貿贸易易濟济資资產产價价錢钱幣币' +
  '療疗醫医藥药殘残凍冻嚴严厲厉懲惩罰罚審审判判刑刑勞劳營营學学習习園园島岛灣湾濱滨莊庄樓楼' +
  '強强搶抢緝缉拘拘押押捕捕獲获抓抓綁绑賣卖販贩拐拐騙骗婚婚';

export function hanziFoldPairs(): [number, number][] {
  const out: [number, number][] = [];
  const chars = [...PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) if (chars[i] !== chars[i + 1]) out.push([chars[i]!.charCodeAt(0), chars[i + 1]!.charCodeAt(0)]);
  return out;
}
