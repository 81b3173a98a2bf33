/* test_value.c: the value grammar, table-driven: every value form seen in the seeds and in the brief, op and kind
 * name round trips, money units, arena and inline storage, out-of-range numbers, and every comparator cell of the
 * seed documents. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "jx/value.h"
#include "util/arena.h"

typedef struct vcase {
	const char *in;
	jx_value_kind kind;
	jx_op op;
	int64_t digits; /* number as digits / 10^scale (numeric kinds only) */
	int32_t scale;
	const char *unit;
	int64_t fen;
	const char *per; /* NULL when none */
	jx_date from, to;
	bool recurring;
	int rc; /* expected return code */
} vcase;

#define DT(y, m, d) {(int16_t)(y), (int8_t)(m), (int8_t)(d)}
/* NUMBER, COUNT, PERCENT, MONEY, MONEY_PER_UNIT */
#define N(s, o, dg, sc) {.in = s, .kind = JX_KIND_NUMBER, .op = o, .digits = dg, .scale = sc, .unit = ""}
#define C(s, o, dg, sc, u) {.in = s, .kind = JX_KIND_COUNT, .op = o, .digits = dg, .scale = sc, .unit = u}
#define P(s, o, dg, sc) {.in = s, .kind = JX_KIND_PERCENT, .op = o, .digits = dg, .scale = sc, .unit = "%"}
#define M(s, o, dg, sc, u, f) {.in = s, .kind = JX_KIND_MONEY, .op = o, .digits = dg, .scale = sc, .unit = u, .fen = f}
#define MU(s, o, dg, sc, u, f, pr) \
	{.in = s, .kind = JX_KIND_MONEY_PER_UNIT, .op = o, .digits = dg, .scale = sc, .unit = u, .fen = f, .per = pr}
/* DATE: from = to = the point */
#define D(s, o, y, m, d) {.in = s, .kind = JX_KIND_DATE, .op = o, .unit = "", .from = DT(y, m, d), .to = DT(y, m, d)}
#define PR(s, o, y1, m1, d1, y2, m2, d2) \
	{.in = s, .kind = JX_KIND_PERIOD, .op = o, .unit = "", .from = DT(y1, m1, d1), .to = DT(y2, m2, d2)}
#define RC(s) {.in = s, .kind = JX_KIND_PERIOD, .unit = "", .recurring = true}
#define K(s, k) {.in = s, .kind = k, .unit = ""}
#define Q(s) K(s, JX_KIND_QUALITATIVE)
#define PH(s) K(s, JX_KIND_PLACEHOLDER)
#define T(s) K(s, JX_KIND_TEXT)
#define E(s) K(s, JX_KIND_EMPTY)
#define ERR(s) {.in = s, .kind = JX_KIND_TEXT, .unit = "", .rc = JX_ERANGE}

#define NONE JX_OP_NONE
#define GE JX_OP_GE
#define GT JX_OP_GT
#define LE JX_OP_LE
#define LT JX_OP_LT
#define EQ JX_OP_EQ
#define AP JX_OP_APPROX

static const vcase cases[] = {
	/* ---- comparators, symbols ---- */
	P("≥95%", GE, 95, 0),
	P("≥ 95 %", GE, 95, 0),
	P("＞95%", GT, 95, 0),
	P(">95%", GT, 95, 0),
	P("≧95%", GE, 95, 0),
	P(">=95%", GE, 95, 0),
	P("≥=95%", GE, 95, 0),
	P("≤5%", LE, 5, 0),
	P("≦5%", LE, 5, 0),
	P("<=5%", LE, 5, 0),
	P("＜5%", LT, 5, 0),
	P("<5%", LT, 5, 0),
	P("=5%", EQ, 5, 0),
	P("＝5%", EQ, 5, 0),
	P("＞＝90%", GE, 90, 0),
	P("＜＝10%", LE, 10, 0),
	P("⩾90%", GE, 90, 0),
	P("⩽90%", LE, 90, 0),
	/* ---- comparators, words ---- */
	P("不低于95%", GE, 95, 0),
	C("不少于100人", GE, 100, 0, "人"),
	N("不小于10", GE, 10, 0),
	P("大于等于90%", GE, 90, 0),
	P("大于或等于90%", GE, 90, 0),
	C("至少3次", GE, 3, 0, "次"),
	P("达到95%", GE, 95, 0),
	M("不超过30万元", LE, 30, 0, "万元", 30000000),
	P("不高于5%", LE, 5, 0),
	C("不多于10人", LE, 10, 0, "人"),
	P("不大于2%", LE, 2, 0),
	MU("小于等于50元/人", LE, 50, 0, "元/人", 5000, "人"),
	P("小于或等于3%", LE, 3, 0),
	M("控制在30万元以内", LE, 30, 0, "万元", 30000000),
	M("控制在30万元内", LE, 30, 0, "万元", 30000000),
	P("大于90%", GT, 90, 0),
	P("高于80%", GT, 80, 0),
	C("超过100人", GT, 100, 0, "人"),
	C("多于5次", GT, 5, 0, "次"),
	P("小于5%", LT, 5, 0),
	P("低于3%", LT, 3, 0),
	C("少于10人", LT, 10, 0, "人"),
	P("等于100%", EQ, 100, 0),
	P("95%以上", GE, 95, 0),
	C("100人及以上", GE, 100, 0, "人"),
	C("100人或以上", GE, 100, 0, "人"),
	P("5%以下", LE, 5, 0),
	C("5人及以下", LE, 5, 0, "人"),
	M("30万元以内", LE, 30, 0, "万元", 30000000),
	C("20人之内", LE, 20, 0, "人"),
	C("约300人", AP, 300, 0, "人"),
	C("大约300人", AP, 300, 0, "人"),
	C("300人左右", AP, 300, 0, "人"),
	C("300余名", AP, 300, 0, "名"),
	C("300多人", AP, 300, 0, "人"),
	C("19000余名", AP, 19000, 0, "名"),
	P("≥95%以上", GE, 95, 0),
	P("≥95%以下", GE, 95, 0), /* contradictory: the written prefix wins */
	C("≥ 100 人 以上", GE, 100, 0, "人"),
	/* ---- bare numbers ---- */
	N("1,806.23", NONE, 180623, 2),
	N("≥ 86519", GE, 86519, 0),
	N("≥\t86519", GE, 86519, 0),
	N("2,199,500", NONE, 2199500, 0),
	N("388.88", NONE, 38888, 2),
	N("30.41", NONE, 3041, 2),
	N("17.00", NONE, 1700, 2),
	N("0", NONE, 0, 0),
	N("-3.5", NONE, -35, 1),
	N("2024", NONE, 2024, 0),
	N("600000", NONE, 600000, 0),
	N("553320", NONE, 553320, 0),
	N("１，８０６．２３", NONE, 180623, 2),
	N("２０２４", NONE, 2024, 0),
	N("=100", EQ, 100, 0),
	/* ---- counts ---- */
	C("100人", NONE, 100, 0, "人"),
	C("=80 人", EQ, 80, 0, "人"),
	C("=\t80\t人\t", EQ, 80, 0, "人"),
	C("≥5人数", GE, 5, 0, "人"),
	C("惠及500人", NONE, 500, 0, "人"),
	C("完成100人", NONE, 100, 0, "人"),
	C("开展5次", NONE, 5, 0, "次"),
	C("提供300人次", NONE, 300, 0, "人次"),
	C("惠及约500人", AP, 500, 0, "人"),
	C("共计20户", NONE, 20, 0, "户"),
	C("≥2000平米", GE, 2000, 0, "平方米"),
	C("100平方米", NONE, 100, 0, "平方米"),
	C("50㎡", NONE, 50, 0, "平方米"),
	C("≥5种", GE, 5, 0, "种"),
	C("≥6人", GE, 6, 0, "人"),
	C("≥5次", GE, 5, 0, "次"),
	C("≥10000人", GE, 10000, 0, "人"),
	C("1人", NONE, 1, 0, "人"),
	C("≤144人", LE, 144, 0, "人"),
	C(" ≤144人", LE, 144, 0, "人"),
	C("70户", NONE, 70, 0, "户"),
	C("≤20户", LE, 20, 0, "户"),
	C("≥8项", GE, 8, 0, "项"),
	C("≥50人次", GE, 50, 0, "人次"),
	C("≥90例", GE, 90, 0, "例"),
	C("≥3版", GE, 3, 0, "版"),
	C("42件", NONE, 42, 0, "件"),
	C("4个", NONE, 4, 0, "个"),
	C("150人", NONE, 150, 0, "人"),
	C("10人", NONE, 10, 0, "人"),
	C("3场", NONE, 3, 0, "场"),
	C("2所", NONE, 2, 0, "所"),
	C("5家", NONE, 5, 0, "家"),
	C("1辆", NONE, 1, 0, "辆"),
	C("2台", NONE, 2, 0, "台"),
	C("3套", NONE, 3, 0, "套"),
	C("4批", NONE, 4, 0, "批"),
	C("2期", NONE, 2, 0, "期"),
	C("3篇", NONE, 3, 0, "篇"),
	C("5条", NONE, 5, 0, "条"),
	C("30天", NONE, 30, 0, "天"),
	C("7日", NONE, 7, 0, "日"),
	C("2周", NONE, 2, 0, "周"),
	C("8小时", NONE, 8, 0, "小时"),
	C("10亩", NONE, 10, 0, "亩"),
	C("5公里", NONE, 5, 0, "公里"),
	C("100米", NONE, 100, 0, "米"),
	C("2吨", NONE, 2, 0, "吨"),
	C("300册", NONE, 300, 0, "册"),
	C("20本", NONE, 20, 0, "本"),
	C("50张", NONE, 50, 0, "张"),
	C("3间", NONE, 3, 0, "间"),
	C("2座", NONE, 2, 0, "座"),
	C("4处", NONE, 4, 0, "处"),
	C("99年", NONE, 99, 0, "年"),
	C("3个月", NONE, 3, 0, "个月"),
	C("2.5万人次", NONE, 25, 1, "万人次"),
	C("500名", NONE, 500, 0, "名"),
	C("≥１０人", GE, 10, 0, "人"),
	C("１００户", NONE, 100, 0, "户"),
	C("≥5人。", GE, 5, 0, "人"),
	C("≥5人\r\n", GE, 5, 0, "人"),
	C("4次/年", NONE, 4, 0, "次/年"),
	C("≥2次/季度", GE, 2, 0, "次/季度"),
	C("1次/月", NONE, 1, 0, "次/月"),
	C("≥90分", GE, 90, 0, "分"),
	/* ---- percent ---- */
	P("100%", NONE, 100, 0),
	P("≥98%", GE, 98, 0),
	P("90%", NONE, 90, 0),
	P("≥95％", GE, 95, 0),
	P("≥９５％", GE, 95, 0),
	P("≥99.5%", GE, 995, 1),
	P("20%", NONE, 20, 0),
	P(" ≥95%", GE, 95, 0),
	P("≥\t90\t%\t", GE, 90, 0),
	P("≥95%。", GE, 95, 0),
	P("≥95%；", GE, 95, 0),
	P("≥95%\n", GE, 95, 0),
	P("-5%", NONE, -5, 0),
	{.in = "≥90‰", .kind = JX_KIND_PERCENT, .op = GE, .digits = 90, .unit = "‰"},
	{.in = "3‰", .kind = JX_KIND_PERCENT, .op = NONE, .digits = 3, .unit = "‰"},
	/* ---- money ---- */
	M("≤30.41万元", LE, 3041, 2, "万元", 30410000),
	M("17万元", NONE, 17, 0, "万元", 17000000),
	M("5.32万元", NONE, 532, 2, "万元", 5320000),
	M("1.9万元", NONE, 19, 1, "万元", 1900000),
	M("21.45万元", NONE, 2145, 2, "万元", 21450000),
	M("60万元", NONE, 60, 0, "万元", 60000000),
	M(" 60万元", NONE, 60, 0, "万元", 60000000),
	M("≤2000元", LE, 2000, 0, "元", 200000),
	M("≤17000元", LE, 17000, 0, "元", 1700000),
	M("≤1884000元", LE, 1884000, 0, "元", 188400000),
	M("≤\t1884000\t元\t", LE, 1884000, 0, "元", 188400000),
	M("45万元", NONE, 45, 0, "万元", 45000000),
	M("3.19万元", NONE, 319, 2, "万元", 3190000),
	M("73.19万元", NONE, 7319, 2, "万元", 73190000),
	M("68.6万元", NONE, 686, 1, "万元", 68600000),
	M("25万元", NONE, 25, 0, "万元", 25000000),
	M("10万元", NONE, 10, 0, "万元", 10000000),
	M("100万元", NONE, 100, 0, "万元", 100000000),
	M("1亿元", NONE, 1, 0, "亿元", 10000000000LL),
	M("2.5亿元", NONE, 25, 1, "亿元", 25000000000LL),
	M("5千元", NONE, 5, 0, "千元", 500000),
	M("3百万元", NONE, 3, 0, "百万元", 300000000),
	M("1.23元", NONE, 123, 2, "元", 123),
	M("0.5元", NONE, 5, 1, "元", 50),
	M("2,199,500元", NONE, 2199500, 0, "元", 219950000),
	M("≤3630000元", LE, 3630000, 0, "元", 363000000),
	M("≤2211000元", LE, 2211000, 0, "元", 221100000),
	M("≤21576000元", LE, 21576000, 0, "元", 2157600000),
	M("≤16671000元", LE, 16671000, 0, "元", 1667100000),
	M("≤1200000元", LE, 1200000, 0, "元", 120000000),
	M("１７万元", NONE, 17, 0, "万元", 17000000),
	M("约10万元", AP, 10, 0, "万元", 10000000),
	M("205.2万元", NONE, 2052, 1, "万元", 205200000),
	/* ---- money per unit ---- */
	MU("16000元/人", NONE, 16000, 0, "元/人", 1600000, "人"),
	MU("≤16000元/人/年", LE, 16000, 0, "元/人/年", 1600000, "人/年"),
	MU("20元/人/月", NONE, 20, 0, "元/人/月", 2000, "人/月"),
	MU("500元/人/年", NONE, 500, 0, "元/人/年", 50000, "人/年"),
	MU("6000元/户/年", NONE, 6000, 0, "元/户/年", 600000, "户/年"),
	MU("2000元/人", NONE, 2000, 0, "元/人", 200000, "人"),
	MU("≤50元/人", LE, 50, 0, "元/人", 5000, "人"),
	MU("5元/人", NONE, 5, 0, "元/人", 500, "人"),
	MU("3000元/户", NONE, 3000, 0, "元/户", 300000, "户"),
	MU("172800元/年", NONE, 172800, 0, "元/年", 17280000, "年"),
	MU(" 172800元/年", NONE, 172800, 0, "元/年", 17280000, "年"),
	MU(" 52200元/年", NONE, 52200, 0, "元/年", 5220000, "年"),
	MU(" 309120元/年", NONE, 309120, 0, "元/年", 30912000, "年"),
	MU(" 19200元/年", NONE, 19200, 0, "元/年", 1920000, "年"),
	MU("1.5万元/人/年", NONE, 15, 1, "万元/人/年", 1500000, "人/年"),
	MU("平均每户1800元", NONE, 1800, 0, "元/户", 180000, "户"),
	MU("平均每人1800元", NONE, 1800, 0, "元/人", 180000, "人"),
	MU("每人500元", NONE, 500, 0, "元/人", 50000, "人"),
	MU("每人每月20元", NONE, 20, 0, "元/人/月", 2000, "人/月"),
	MU("每人每年50元", NONE, 50, 0, "元/人/年", 5000, "人/年"),
	MU("每户6000元", NONE, 6000, 0, "元/户", 600000, "户"),
	MU("每人5400元/年", NONE, 5400, 0, "元/人/年", 540000, "人/年"),
	MU("每人5400元／年", NONE, 5400, 0, "元/人/年", 540000, "人/年"),
	MU("人均500元", NONE, 500, 0, "元/人", 50000, "人"),
	MU("1800元／年", NONE, 1800, 0, "元/年", 180000, "年"),
	MU("3000元／户", NONE, 3000, 0, "元/户", 300000, "户"),
	MU("１６０００元／人", NONE, 16000, 0, "元/人", 1600000, "人"),
	MU("≥1500元/人", GE, 1500, 0, "元/人", 150000, "人"),
	MU("≥1000元/人", GE, 1000, 0, "元/人", 100000, "人"),
	MU("≤500元/人", LE, 500, 0, "元/人", 50000, "人"),
	MU("5400元/人", NONE, 5400, 0, "元/人", 540000, "人"),
	MU("380元/人/年", NONE, 380, 0, "元/人/年", 38000, "人/年"),
	MU("260元/人/年", NONE, 260, 0, "元/人/年", 26000, "人/年"),
	MU("4000元/人/年", NONE, 4000, 0, "元/人/年", 400000, "人/年"),
	MU("1500元/户", NONE, 1500, 0, "元/户", 150000, "户"),
	MU("600元/人", NONE, 600, 0, "元/人", 60000, "人"),
	MU("500元/件", NONE, 500, 0, "元/件", 50000, "件"),
	MU("50元/人次", NONE, 50, 0, "元/人次", 5000, "人次"),
	MU("2万元/个", NONE, 2, 0, "万元/个", 2000000, "个"),
	MU("≤16000元/人/年。", LE, 16000, 0, "元/人/年", 1600000, "人/年"),
	MU("每人补助16000元", NONE, 16000, 0, "元/人", 1600000, "人"),
	MU("每户补贴6000元", NONE, 6000, 0, "元/户", 600000, "户"),
	MU("500元/人·年", NONE, 500, 0, "元/人/年", 50000, "人/年"),
	MU("500元每人", NONE, 500, 0, "元/人", 50000, "人"),
	/* ---- dates ---- */
	D("2024年12月31日前", LE, 2024, 12, 31),
	D("2023年12月31日前完成", LE, 2023, 12, 31),
	D("2023年9月底前完成", LE, 2023, 9, 0),
	D("12月底", NONE, 0, 12, 0),
	D("≤12月底", LE, 0, 12, 0),
	D("≤12月份", LE, 0, 12, 0),
	D("2023年12月", NONE, 2023, 12, 0),
	D("2023年底", NONE, 2023, 12, 0),
	D("2023年末", NONE, 2023, 12, 0),
	D("2024年12月前", LE, 2024, 12, 0),
	D(" 2026年12月底", NONE, 2026, 12, 0),
	D("2024年12月31日", NONE, 2024, 12, 31),
	D("2024年12月31号", NONE, 2024, 12, 31),
	D("2024年12月31日之前", LE, 2024, 12, 31),
	D("2024年12月31日以前", LE, 2024, 12, 31),
	D("2024年", NONE, 2024, 0, 0),
	D("2024年前", LE, 2024, 0, 0),
	D("年底前", LE, 0, 12, 0),
	D("12月", NONE, 0, 12, 0),
	D("12月底前", LE, 0, 12, 0),
	D("至2024年12月", LE, 2024, 12, 0),
	D("截至2024年12月31日", LE, 2024, 12, 31),
	D("截止2024年12月31日", LE, 2024, 12, 31),
	D("2024年6月30日前完成", LE, 2024, 6, 30),
	D("２０２４年１２月３１日前", LE, 2024, 12, 31),
	D("2024年12月31日前。", LE, 2024, 12, 31),
	D("≤2024年12月", LE, 2024, 12, 0),
	D("2024年10月底", NONE, 2024, 10, 0),
	D("2024年12月31日止", LE, 2024, 12, 31),
	D("2024年3月初", NONE, 2024, 3, 0),
	D("2023年12月31日\t前完成", LE, 2023, 12, 31),
	D("2024-12-31", NONE, 2024, 12, 31),
	D("2024/12/31前", LE, 2024, 12, 31),
	D("2024.12.31", NONE, 2024, 12, 31),
	D("2024-12", NONE, 2024, 12, 0),
	D("2024/6", NONE, 2024, 6, 0),
	D("≤2024-06-30", LE, 2024, 6, 30),
	/* ---- periods ---- */
	PR("2024.3.1-2024.12.31", NONE, 2024, 3, 1, 2024, 12, 31),
	PR("2024-03-01至2024-12-31", NONE, 2024, 3, 1, 2024, 12, 31),
	PR("2024年度内", LE, 2024, 1, 0, 2024, 12, 0),
	PR("年内完成", NONE, 0, 0, 0, 0, 0, 0),
	PR("当年", NONE, 0, 0, 0, 0, 0, 0),
	PR("项目期内", NONE, 0, 0, 0, 0, 0, 0),
	PR("2024年3至11月", NONE, 2024, 3, 0, 2024, 11, 0),
	PR("2024年4月至12月", NONE, 2024, 4, 0, 2024, 12, 0),
	PR("2024年1月至12月", NONE, 2024, 1, 0, 2024, 12, 0),
	PR("2024年4至2024年12月", NONE, 2024, 4, 0, 2024, 12, 0),
	PR("6至11月", NONE, 0, 6, 0, 0, 11, 0),
	PR("5至11月", NONE, 0, 5, 0, 0, 11, 0),
	PR("8至12月", NONE, 0, 8, 0, 0, 12, 0),
	PR("5-9月", NONE, 0, 5, 0, 0, 9, 0),
	PR("2023年5-9月完成", NONE, 2023, 5, 0, 2023, 9, 0),
	PR("2024年4-8月", NONE, 2024, 4, 0, 2024, 8, 0),
	PR("2024年7月1日-11月30日", NONE, 2024, 7, 1, 2024, 11, 30),
	PR("2024年8至12月", NONE, 2024, 8, 0, 2024, 12, 0),
	PR("2023年全年", NONE, 2023, 1, 0, 2023, 12, 0),
	PR("2023年度", NONE, 2023, 1, 0, 2023, 12, 0),
	PR("2024年5月至12月", NONE, 2024, 5, 0, 2024, 12, 0),
	PR("2024年3月至12月", NONE, 2024, 3, 0, 2024, 12, 0),
	PR("2024年4至7月", NONE, 2024, 4, 0, 2024, 7, 0),
	PR("2024年2月至8月", NONE, 2024, 2, 0, 2024, 8, 0),
	PR("2024年3月至10月", NONE, 2024, 3, 0, 2024, 10, 0),
	PR("2024年4月至11月", NONE, 2024, 4, 0, 2024, 11, 0),
	PR("2024年5月至11月", NONE, 2024, 5, 0, 2024, 11, 0),
	PR("2024年1月-2024年12月", NONE, 2024, 1, 0, 2024, 12, 0),
	PR("2024年1月~12月", NONE, 2024, 1, 0, 2024, 12, 0),
	PR("2024年1月—12月", NONE, 2024, 1, 0, 2024, 12, 0),
	PR("2024年1月到12月", NONE, 2024, 1, 0, 2024, 12, 0),
	PR("2024年1月－12月", NONE, 2024, 1, 0, 2024, 12, 0),
	PR("2024年上半年", NONE, 2024, 1, 0, 2024, 6, 0),
	PR("2024年下半年", NONE, 2024, 7, 0, 2024, 12, 0),
	PR("2023年12月-2024年6月", NONE, 2023, 12, 0, 2024, 6, 0),
	PR("2024年3月1日至2024年12月31日", NONE, 2024, 3, 1, 2024, 12, 31),
	PR("2024年3月1日-31日", NONE, 2024, 3, 1, 2024, 3, 31),
	PR("2024年3月至12月前", LE, 2024, 3, 0, 2024, 12, 0),
	PR("６至１１月", NONE, 0, 6, 0, 0, 11, 0),
	PR("2024年3 至 11月", NONE, 2024, 3, 0, 2024, 11, 0),
	RC("每月"),
	RC("每季度"),
	RC("每年"),
	RC("每周"),
	RC("按月"),
	RC(" 每月 "),
	PR("中长期", NONE, 0, 0, 0, 0, 0, 0),
	PR(" 中长期", NONE, 0, 0, 0, 0, 0, 0),
	PR("长期", NONE, 0, 0, 0, 0, 0, 0),
	PR("全年", NONE, 0, 0, 0, 0, 0, 0),
	/* ---- every other distinct comparator cell of the seeds (001's tab columns joined as written) ---- */
	C("=\t1\t人", EQ, 1, 0, "人"),
	C("=\t2\t个", EQ, 2, 0, "个"),
	C("=\t4\t个", EQ, 4, 0, "个"),
	C("=\t80\t人", EQ, 80, 0, "人"),
	M("≤\t1200000\t元", LE, 1200000, 0, "元", 120000000),
	M("≤\t16671000\t元", LE, 16671000, 0, "元", 1667100000),
	M("≤\t1884000\t元", LE, 1884000, 0, "元", 188400000),
	M("≤\t21576000\t元", LE, 21576000, 0, "元", 2157600000),
	M("≤\t2211000\t元", LE, 2211000, 0, "元", 221100000),
	M("≤\t3630000\t元", LE, 3630000, 0, "元", 363000000),
	M("≤100000元", LE, 100000, 0, "元", 10000000),
	M("≤10000元", LE, 10000, 0, "元", 1000000),
	M("≤1000元", LE, 1000, 0, "元", 100000),
	C("≤11人", LE, 11, 0, "人"),
	C("≤12500人", LE, 12500, 0, "人"),
	C("≤125人", LE, 125, 0, "人"),
	C("≤1300人", LE, 1300, 0, "人"),
	C("≤147人", LE, 147, 0, "人"),
	C("≤17人", LE, 17, 0, "人"),
	C("≤19000人", LE, 19000, 0, "人"),
	C("≤19100人", LE, 19100, 0, "人"),
	M("≤20000元", LE, 20000, 0, "元", 2000000),
	C("≤20人", LE, 20, 0, "人"),
	M("≤25000元", LE, 25000, 0, "元", 2500000),
	C("≤29人", LE, 29, 0, "人"),
	C("≤300人", LE, 300, 0, "人"),
	C("≤369人", LE, 369, 0, "人"),
	M("≤40000元", LE, 40000, 0, "元", 4000000),
	C("≤48户", LE, 48, 0, "户"),
	M("≤5000元", LE, 5000, 0, "元", 500000),
	C("≤5400人", LE, 5400, 0, "人"),
	C("≤60人", LE, 60, 0, "人"),
	C("≤680人", LE, 680, 0, "人"),
	C("≤70人", LE, 70, 0, "人"),
	C("≤7人", LE, 7, 0, "人"),
	M("≤8000元", LE, 8000, 0, "元", 800000),
	M("≤9000元", LE, 9000, 0, "元", 900000),
	C("≤9人", LE, 9, 0, "人"),
	C("≥\t15\t人", GE, 15, 0, "人"),
	C("≥\t155\t人", GE, 155, 0, "人"),
	C("≥\t20\t个", GE, 20, 0, "个"),
	C("≥\t20\t人", GE, 20, 0, "人"),
	C("≥\t3\t版", GE, 3, 0, "版"),
	C("≥\t4\t次", GE, 4, 0, "次"),
	C("≥\t42\t件", GE, 42, 0, "件"),
	C("≥\t50\t人次", GE, 50, 0, "人次"),
	C("≥\t6700\t人", GE, 6700, 0, "人"),
	C("≥\t70\t人", GE, 70, 0, "人"),
	C("≥\t700\t人", GE, 700, 0, "人"),
	C("≥\t8\t项", GE, 8, 0, "项"),
	P("≥\t85\t%", GE, 85, 0),
	P("≥\t90\t%", GE, 90, 0),
	C("≥\t90\t例", GE, 90, 0, "例"),
	P("≥\t95\t%", GE, 95, 0),
	C("≥100户", GE, 100, 0, "户"),
	C("≥10人", GE, 10, 0, "人"),
	C("≥1300人", GE, 1300, 0, "人"),
	C("≥14000人", GE, 14000, 0, "人"),
	C("≥200人", GE, 200, 0, "人"),
	C("≥24人", GE, 24, 0, "人"),
	C("≥27人", GE, 27, 0, "人"),
	C("≥5000人", GE, 5000, 0, "人"),
	P("≥80%", GE, 80, 0),
	C("≥80人", GE, 80, 0, "人"),
	P("≥90%", GE, 90, 0),
	P("≥92%", GE, 92, 0),
	P("≥93%", GE, 93, 0),
	P("≥94%", GE, 94, 0),
	/* ---- qualitative ---- */
	Q("有效提高"), Q(" 有效提高"), Q("稳步提升"), Q("稳步推进"), Q("合规"), Q("规范"), Q("无违规"), Q("好"),
	Q("完美"), Q("有序推进"), Q("提高"), Q("保障"), Q("减轻"), Q("改善"), Q("有所改善"), Q("有所提高"),
	Q(" 有所提高"), Q("得到提高"), Q("日渐浓厚"), Q("不断提高"), Q("持续加大与提高"), Q("有效缓解"),
	Q(" 有效缓解"), Q("巩固"), Q("有效"), Q("持续完善发展"), Q("不断完善"), Q("持续发展"), Q("不断加强"),
	Q("有效增强"), Q("持续发展完善"), Q("残疾人就业能力和职业技能水平进一步提升"),
	Q("增强残疾人家庭抵御意外和住院风险能力"), Q("完成就教、维权、保障、康复等各项工作任务"),
	Q("盲人医疗按摩人员技术素养进一步提升"), Q("为残疾人开展就业服务的能力水平进一步提高"),
	Q("盲人按摩事业发展进一步推动"), Q("残障患者基本生活需求充分满足"),
	Q("全市残疾儿童定点康复机构服务水平明显提高"), Q("充分掌握残疾人的身体健康状况"),
	Q("残疾人辅助器具适配机制进一步健全"), Q("残疾人咨询和信访及时回应"), Q("充分保障第三代残疾人证及时发放"),
	Q("残疾人合法权益得到充分维护"), Q("全社会扶残助残风尚进一步弘扬"), Q("残疾人体育事业发展得到进一步促进"),
	Q("良好"), Q("优秀"), Q("合格"), Q("达标"), Q("较好"), Q("满意"), Q("显著"),
	Q("市残联各机构稳定运行充分保障"), Q("残疾人宣传、交流、培训工作及时完成"), Q("京津冀残疾人文化交流机制充分保障完善"),
	Q("效果较好"), Q("推动残疾人就业创业，提高残疾人生活水平。"), Q("满意度较高"), Q("实现全覆盖"),
	Q("提高提退休人员对工作的满意度"), Q("发展"),
	Q("增强各界对残疾人的关怀"), Q("残疾人专业艺术水平充分\n提高"), Q("有效提高。"), Q("完成"),
	/* ---- placeholders ---- */
	PH("无"), PH(" 无"), PH("无 "), PH("/"), PH("-"), PH("—"), PH("——"), PH("不适用"), PH("暂无"), PH("XX"),
	PH("××"), PH("待定"), PH("略"), PH("ＸＸ"), PH("／"), PH("－"), PH("N/A"), PH("xx"), PH("无直接经济效益"),
	PH("无生态效益"), PH("--"), PH("无。"), PH("不涉及"),
	/* ---- empty ---- */
	E(""), E(" "), E("   "), E("\t\r\n"), E("　"), E("\xC2\xA0"), E("。"),
	/* ---- free text (and digits that are not a value) ---- */
	/* indicator names and nouns without a predicate are text, not qualitative */
	T("精准实现残疾人兜底保障应保尽保应享尽享"), T("服务对象满意度"), T("及时率"), T("可持续影响指标"),
	T("残疾人就业保障金"), T("中央残疾人事业发展补助资金"), T("残疾人保障体系"), T("残疾人满意率"), T("满意度指标"),
	T("服务群体满意度（%）"), T("残疾人事业发展"), T("残健融合"), T("做好提退休人员的管理工作"),
	T("残疾人家庭无障碍改造服务受助对象满意度"),
	T("计划标准"), T("唐财社[2023]19号"), T("唐财社2023]19号"), T("3人*15000元"), T("为符合条件的残疾人购买意外和住院综合保险"),
	T("残疾人居家托养服务"), T("年初预算"), T("提高2%"), T("2024年12月31日前时效指标"), T("1800元/年补助"),
	T("5-9"), T("200件×500元/件均价"), T("0-6岁"), T("1-2级"), T("定性"), T("历史标准"), T("行业标准"),
	T("儿童康复25万，服药补贴10万，辅具10万。"), T("家庭无障碍改造10万，残疾人托养服务15万"),
	T("《中华人民共和国残疾人保障法》"), T("2021年区审计部门整改意见"), T("13月"), T("2024年13月"),
	T("2024年2月40日"), T("268月"), T("2024年4至268月"), T("2024年1月268日"), T("2024年1月-300日"),
	T("256至12月"), T("≤268月底"), T("1,23"), T("0.001元"), T("每户1台"), T("≥"), Q("≥良好"), C("12345年", NONE, 12345, 0, "年"), T("约"), T("≥95%%"),
	T("95%90%"), T("10万"), T("90%-95%"), T("三次"), T("百分之九十五"), T("1:1"), T("每月20日前"),
	T("2024-2025"), N("2024.5", NONE, 20245, 1), T("99999年12月"), T("abc"), T("每人"), T("平均每户"), T("100人1"),
	/* ---- out of range: TEXT and JX_ERANGE ---- */
	ERR("123456789012345678901234567890"), ERR("≥123456789012345678901234567890人"),
	ERR("99999999999999万元"), ERR("99999999999999999元"), ERR("每人99999999999999999元"),
	ERR("1.0000000000000000001%"),
};

static bool date_eq(jx_date a, jx_date b)
{
	return a.year == b.year && a.month == b.month && a.day == b.day;
}

static bool numeric_kind(jx_value_kind k)
{
	return k == JX_KIND_COUNT || k == JX_KIND_NUMBER || k == JX_KIND_PERCENT || k == JX_KIND_MONEY ||
	       k == JX_KIND_MONEY_PER_UNIT;
}

/* Checks one case; prints what differs and returns the number of mismatches. */
static int check_case(const vcase *c, jx_arena *arena)
{
	jx_value v;
	int rc = jx_value_parse(&v, c->in, strlen(c->in), arena);
	int bad = 0;
#define EXPECT(cond, ...)                                                                                \
	do {                                                                                                  \
		if (!(cond)) {                                                                                \
			printf("[%s] %s: ", arena ? "arena" : "inline", c->in);                              \
			printf(__VA_ARGS__);                                                                  \
			printf("\n");                                                                         \
			bad++;                                                                                \
		}                                                                                             \
	} while (0)
	EXPECT(rc == c->rc, "rc %d, want %d", rc, c->rc);
	EXPECT(v.kind == c->kind, "kind %s, want %s", jx_value_kind_name(v.kind), jx_value_kind_name(c->kind));
	EXPECT(v.op == c->op, "op %d, want %d", (int)v.op, (int)c->op);
	EXPECT(v.unit != NULL && strcmp(v.unit, c->unit) == 0, "unit \"%s\", want \"%s\"", v.unit ? v.unit : "(null)",
	       c->unit);
	bool num = numeric_kind(c->kind);
	EXPECT(v.has_number == num, "has_number %d, want %d", v.has_number, num);
	if (num)
		EXPECT(v.number.digits == c->digits && v.number.scale == c->scale, "number %lld/10^%d, want %lld/10^%d",
		       (long long)v.number.digits, v.number.scale, (long long)c->digits, c->scale);
	EXPECT(v.fen == c->fen, "fen %lld, want %lld", (long long)v.fen, (long long)c->fen);
	if (c->per)
		EXPECT(v.per != NULL && strcmp(v.per, c->per) == 0, "per \"%s\", want \"%s\"", v.per ? v.per : "(null)",
		       c->per);
	else
		EXPECT(v.per == NULL, "per \"%s\", want NULL", v.per);
	EXPECT(date_eq(v.from, c->from) && date_eq(v.to, c->to), "from %d-%d-%d to %d-%d-%d", v.from.year,
	       v.from.month, v.from.day, v.to.year, v.to.month, v.to.day);
	EXPECT(v.recurring == c->recurring, "recurring %d", v.recurring);
	/* text is the trimmed original */
	size_t tl = strlen(c->in);
	const char *t = c->in;
	EXPECT(v.text != NULL, "text NULL");
	if (arena && v.text) {
		EXPECT(strstr(c->in, v.text) != NULL, "text \"%s\" not a slice of the input", v.text);
		EXPECT(v.text != c->in || tl == 0, "text not copied into the arena");
	} else if (v.text) {
		EXPECT(v.text >= t && v.text <= t + tl, "text does not point into the input");
		if (c->unit[0])
			EXPECT(v.unit >= v.inline_buf && v.unit < v.inline_buf + sizeof v.inline_buf,
			       "unit not in inline_buf");
	}
#undef EXPECT
	return bad;
}

static void test_table(void **state)
{
	(void)state;
	size_t n = sizeof cases / sizeof cases[0];
	printf("value grammar table: %zu cases\n", n);
	assert_true(n >= 300);
	jx_arena *a = jx_arena_new();
	assert_non_null(a);
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		bad += check_case(&cases[i], NULL);
		bad += check_case(&cases[i], a);
	}
	jx_arena_free(a);
	assert_int_equal(bad, 0);
}

static void test_text_slices(void **state)
{
	(void)state;
	jx_value v;
	const char *in = "  ≥95%\t\n";
	assert_int_equal(jx_value_parse(&v, in, strlen(in), NULL), 0);
	assert_ptr_equal(v.text, in + 2);
	jx_arena *a = jx_arena_new();
	assert_int_equal(jx_value_parse(&v, in, strlen(in), a), 0);
	assert_string_equal(v.text, "≥95%");
	assert_string_equal(v.unit, "%");
	/* per lives inside the unit copy */
	assert_int_equal(jx_value_parse(&v, "20元/人/月", strlen("20元/人/月"), a), 0);
	assert_string_equal(v.unit, "元/人/月");
	assert_string_equal(v.per, "人/月");
	assert_ptr_equal(v.per, v.unit + strlen("元/"));
	jx_arena_free(a);
	/* len bounds the input: no read past it */
	const char buf[] = "≥95%人";
	assert_int_equal(jx_value_parse(&v, buf, strlen("≥95%"), NULL), 0);
	assert_int_equal(v.kind, JX_KIND_PERCENT);
	/* NULL text with zero length is empty */
	assert_int_equal(jx_value_parse(&v, NULL, 0, NULL), 0);
	assert_int_equal(v.kind, JX_KIND_EMPTY);
	assert_string_equal(v.unit, "");
}

static void test_long_text(void **state)
{
	(void)state;
	/* Longer than the normalisation buffer: classified without the structured grammar. */
	char big[4096];
	size_t n = 0;
	while (n + 6 < sizeof big - 16) {
		memcpy(big + n, "残疾", 6);
		n += 6;
	}
	memcpy(big + n, "提高", 6);
	n += 6;
	jx_value v;
	assert_int_equal(jx_value_parse(&v, big, n, NULL), 0);
	assert_int_equal(v.kind, JX_KIND_QUALITATIVE);
	memcpy(big + n - 6, "服务", 6);
	assert_int_equal(jx_value_parse(&v, big, n, NULL), 0);
	assert_int_equal(v.kind, JX_KIND_TEXT);
	memcpy(big, "12", 2);
	assert_int_equal(jx_value_parse(&v, big, n, NULL), 0);
	assert_int_equal(v.kind, JX_KIND_TEXT);
	/* invalid UTF-8 and NUL bytes never crash and become text */
	const char junk[] = "\xff\xfe\x00\x80≥";
	assert_int_equal(jx_value_parse(&v, junk, sizeof junk - 1, NULL), 0);
	assert_int_equal(v.kind, JX_KIND_TEXT);
}

static void test_op_names(void **state)
{
	(void)state;
	static const struct {
		jx_op op;
		const char *name, *sym;
	} ops[] = {
		{JX_OP_GE, ">=", "≥"}, {JX_OP_GT, ">", "＞"}, {JX_OP_LE, "<=", "≤"},
		{JX_OP_LT, "<", "＜"}, {JX_OP_EQ, "=", "＝"}, {JX_OP_APPROX, "~", "约"},
	};
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		jx_op o = JX_OP_NONE;
		assert_string_equal(jx_op_name(ops[i].op), ops[i].name);
		assert_string_equal(jx_op_symbol(ops[i].op), ops[i].sym);
		assert_int_equal(jx_op_from_name(ops[i].name, &o), 0);
		assert_int_equal(o, ops[i].op);
		o = JX_OP_NONE;
		assert_int_equal(jx_op_from_name(ops[i].sym, &o), 0);
		assert_int_equal(o, ops[i].op);
		/* the symbol parses back through the grammar too */
		char buf[32];
		snprintf(buf, sizeof buf, "%s5人", ops[i].sym);
		jx_value v;
		assert_int_equal(jx_value_parse(&v, buf, strlen(buf), NULL), 0);
		assert_int_equal(v.op, ops[i].op);
		assert_int_equal(v.kind, JX_KIND_COUNT);
	}
	assert_null(jx_op_name(JX_OP_NONE));
	assert_string_equal(jx_op_symbol(JX_OP_NONE), "");
	jx_op o = JX_OP_GE;
	assert_int_equal(jx_op_from_name("", &o), 0);
	assert_int_equal(o, JX_OP_NONE);
	assert_int_equal(jx_op_from_name("≧", &o), 0);
	assert_int_equal(o, JX_OP_GE);
	assert_int_equal(jx_op_from_name("=>>", &o), JX_EINVAL);
	assert_int_equal(jx_op_from_name("大概", &o), JX_EINVAL);
	assert_int_equal(jx_op_from_name(NULL, &o), JX_EINVAL);
}

static void test_kind_names(void **state)
{
	(void)state;
	static const char *const names[] = {"empty", "count", "number", "percent", "money", "money_per_unit", "date",
		"period", "qualitative", "placeholder", "text"};
	for (int k = JX_KIND_EMPTY; k <= JX_KIND_TEXT; k++) {
		assert_string_equal(jx_value_kind_name((jx_value_kind)k), names[k]);
		jx_value_kind back = JX_KIND_EMPTY;
		assert_int_equal(jx_value_kind_from_name(names[k], &back), 0);
		assert_int_equal(back, k);
	}
	jx_value_kind back;
	assert_int_equal(jx_value_kind_from_name("money-per-unit", &back), JX_EINVAL);
	assert_int_equal(jx_value_kind_from_name("", &back), JX_EINVAL);
	assert_int_equal(jx_value_kind_from_name(NULL, &back), JX_EINVAL);
}

static void test_money_units(void **state)
{
	(void)state;
	assert_int_equal(jx_money_unit_fen("元"), 100);
	assert_int_equal(jx_money_unit_fen("千元"), 100000);
	assert_int_equal(jx_money_unit_fen("万元"), 1000000);
	assert_int_equal(jx_money_unit_fen("百万元"), 100000000);
	assert_int_equal(jx_money_unit_fen("亿元"), 10000000000LL);
	assert_int_equal(jx_money_unit_fen("人"), 0);
	assert_int_equal(jx_money_unit_fen("%"), 0);
	assert_int_equal(jx_money_unit_fen(""), 0);
	assert_int_equal(jx_money_unit_fen(NULL), 0);
	/* every money value's fen = number × unit fen, exactly */
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (cases[i].kind != JX_KIND_MONEY)
			continue;
		jx_decimal d = {cases[i].digits, cases[i].scale};
		int64_t fen = 0;
		assert_int_equal(jx_decimal_to_fen(&d, jx_money_unit_fen(cases[i].unit), &fen), 0);
		assert_int_equal(fen, cases[i].fen);
	}
}

/* Every comparator cell of the seed documents reads as a number, amount, percentage or date with that comparator. */
static int check_seed_cell(const char *cell, size_t len, int *seen)
{
	jx_value v;
	int rc = jx_value_parse(&v, cell, len, NULL);
	(*seen)++;
	jx_op want = strncmp(cell, "≥", 3) == 0 ? JX_OP_GE : strncmp(cell, "≤", 3) == 0 ? JX_OP_LE : JX_OP_EQ;
	bool ok = rc == 0 && v.op == want &&
		  (numeric_kind(v.kind) || v.kind == JX_KIND_DATE || v.kind == JX_KIND_PERIOD);
	if (!ok)
		printf("seed cell not understood: \"%.*s\" -> %s\n", (int)len, cell, jx_value_kind_name(v.kind));
	return ok ? 0 : 1;
}

static void test_seed_cells(void **state)
{
	(void)state;
	static const char *const seeds[] = {"000", "001", "002", "003", "004"};
	int bad = 0, seen = 0;
	for (size_t s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
		char *path = tu_seed_path(seeds[s]);
		size_t len = 0;
		char *doc = tu_read_file(path, &len);
		free(path);
		char *line = doc;
		while (line && *line) {
			char *eol = strchr(line, '\n');
			size_t ll = eol ? (size_t)(eol - line) : strlen(line);
			/* Each comparator starts a cell. Seed 001 puts comparator, value and unit in separate tab
			 * columns: the rest of the line is the value. Elsewhere a cell ends at a space. */
			for (size_t i = 0; i < ll; i++) {
				const char *p = line + i;
				if (strncmp(p, "≥", 3) && strncmp(p, "≤", 3) && !(*p == '=' && s == 1))
					continue;
				size_t e = i;
				if (s == 1)
					e = ll;
				else
					while (e < ll && line[e] != ' ' && line[e] != '\t')
						e++;
				if (e == i + 3 && s != 1) /* "≥\t90": columns */
					e = ll;
				bad += check_seed_cell(p, e - i, &seen);
				i = e;
			}
			line = eol ? eol + 1 : NULL;
		}
		free(doc);
	}
	printf("seed comparator cells: %d, not understood: %d\n", seen, bad);
	assert_true(seen >= 250);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),       cmocka_unit_test(test_text_slices), cmocka_unit_test(test_long_text),
		cmocka_unit_test(test_op_names),    cmocka_unit_test(test_kind_names),  cmocka_unit_test(test_money_units),
		cmocka_unit_test(test_seed_cells),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
