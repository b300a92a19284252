"""Turkish: the `/tr/` site. Written as a Turkish editor would write the page, not word for
word from `en.py`; the keys and `{placeholders}` are the same (a test compares them)."""

from __future__ import annotations

from kb.i18n.language import Language
from kb.i18n.suffix import inflect

STRINGS: dict[str, str] = {
    # dates
    "date-unknown": "tarihi bilinmiyor",
    "since": "{date:abl} beri",
    "until": "{date:dat} kadar",
    "reviewed-on": "inceleme: {date}",
    "last-reviewed": "Bu sayfadaki iddialar en son {date:loc} incelendi.",
    "last-changed": (
        "Bu sayfadaki veriler en son {date:loc} değişti (`{path}` dosyasının git geçmişi)."
    ),
    # page titles and headings
    "actors": "Aktörler",
    "claims": "İddialar",
    "data-quality": "Veri kalitesi",
    "installations": "Tesisler",
    "sources": "Kaynaklar",
    "timeline": "Kronoloji",
    "facts": "Olgular",
    "events": "Olaylar",
    "cited-by": "Atıf yapan yerler",
    "documents-issued": "Yayımladığı belgeler",
    "location-and-status": "Konum ve durum",
    "sources-cited": "Bu sayfada atıf yapılan kaynaklar",
    "recently-reviewed": "Son incelenen iddialar",
    "unassessed-claims": "Henüz değerlendirilmemiş iddialar",
    "unarchived-sources": "Arşiv kopyası olmayan kaynaklar",
    "claim-status": "İddia durumu",
    "claims-by-status-heading": "Durumlarına göre iddialar",
    "undated-sources": "Tarihi bilinmeyen kaynaklar",
    "evidence-stance": "Kanıtın yönü",
    # introductions
    "actors-intro": (
        "İddialarını ya da belgelerini sitenin kaydettiği partiler, hükümetler, silahlı\n"
        "kuvvetler, medya kuruluşları ve örgütler."
    ),
    "claims-intro": (
        "Sitede kayıtlı bütün iddialar: her birini ilk kimin dile getirdiği ve güncel durumu.\n"
        "Durum, kanıtlara dayanan bir sonuçtur ve her iddianın altında gerekçesiyle açıklanır;\n"
        "bkz. [yöntem]({methodology}). Sıralamak için bir sütun başlığına tıklayın ya da\n"
        "yalnızca o durumdaki iddiaları görmek için aşağıdan bir durum seçin."
    ),
    "sources-intro": (
        "Sitenin atıf yaptığı bütün belgeler. Her başlık kaynağın kaydına gider: nerede\n"
        "bulunduğu, arşiv kopyasının görülüp görülmediği ve ona atıf yapan her olgu, olay ve iddia."
    ),
    "timeline-intro": (
        "Sitedeki tarihli bütün olaylar, en eskiden en yeniye. Yalnızca yılı ya da ayı belli\n"
        "olan bir olay, o yılın ya da ayın günü belli olaylarından önce gelir."
    ),
    "quality-intro": (
        "Kaydın tesis tesis ne kadar eksiksiz olduğu. Aynı rapor\n"
        "`python -m kb stats` komutuyla da yazdırılır."
    ),
    "home-counts": (
        "Kayıtta **{bases} tesis**, **{claims} iddia**, **{sources} kaynak** ve\n"
        "**{actors} aktör** bulunuyor."
    ),
    "claims-by-status": "Durumlarına göre iddialar:",
    # table headers and fact-box rows
    "actor": "Aktör",
    "address": "Adres",
    "airport-codes": "Havalimanı kodları",
    "archived-copy": "Arşiv kopyası",
    "author": "Yazar",
    "claim": "İddia",
    "coordinates": "Koordinatlar",
    "country": "Ülke",
    "date": "Tarih",
    "documents-cited": "Atıf yapılan belgeler",
    "established": "Kuruluş",
    "event": "Olay",
    "first-claimed": "İlk beyan tarihi",
    "foreign-units": "Yabancı ve NATO birlikleri",
    "installation": "Tesis",
    "issued-by": "Yayımlayan",
    "kind": "Tür",
    "language": "Dil",
    "last-read": "Son okunduğu tarih",
    "meaning": "Anlamı",
    "field": "Alan",
    "type": "Tip",
    "required": "Zorunlu",
    "yes": "evet",
    "no": "hayır",
    "operator": "İşleten",
    "page": "Sayfa",
    "province": "İl",
    "published": "Yayım tarihi",
    "publisher": "Yayıncı",
    "read-at": "Okunduğu yer",
    "site": "Yeri",
    "sources-cited-short": "Atıf yapılan kaynaklar",
    "untranslated-texts": "Henüz Türkçeye çevrilmemiş metinler",
    "actors-untranslated": "Metinleri henüz Türkçeye çevrilmemiş aktörler:",
    "stance": "Yönü",
    "status": "Durum",
    "other-name": "İngilizce adı",
    "website": "İnternet sitesi",
    # pieces of sentences
    "also-written": "Diğer yazılışlar:",
    "approximate": "(yaklaşık)",
    "assessment": "Değerlendirme.",
    "by-author": "yazan: {author}",
    "claimed-by": "İddia eden",
    "claimed-by-lower": "iddia eden",
    "appearance-own": "{actor}, {date} tarihli {document}",
    "appearance-quoted": "{actor}, alıntılayan: {publisher}, {date}",
    "appearance-reported": "{publisher}, {actor} kaynaklı aktarım, {date}",
    "appearance-in": ", *{title}*",
    "said-on": "(söylendiği tarih: {date})",
    "own-document-news": "makale",
    "own-document-statement": "açıklama",
    "own-document-official": "yayın",
    "own-document-reference": "madde",
    "own-document-research": "yayın",
    "own-document-data": "veri seti",
    "concerns": "ilgili tesis:",
    "country-wide": "Ülke geneli",
    "ended-date-unknown": "sona erdi, tarihi bilinmiyor",
    "dates-not-sourced": "tarihler için kaynak gösterilmedi",
    "district-of": "{district} ilçesi",
    "lat-lon": "{lat} K, {lon} D",
    "link": "Bağlantı",
    "no-district": "(başvurulan kaynaklarda ilçe bilgisi bulunamadı)",
    "none": "Yok.",
    "why": "Neden:",
    "none-recorded": "kayıt yok",
    "not-yet-assessed": "Henüz değerlendirilmedi.",
    "no-actor-claims": "Bu aktöre ait kayıtlı iddia yok.",
    "no-base-claims": "Bu tesisle ilgili henüz kayıtlı iddia yok.",
    "related-claims": (
        "Bu tesisi ilgilendiren ülke geneli iddialar [genel bakış]({overview}) sayfasında:"
    ),
    "source-record": "Kaynak kaydı",
    "uncertain": "kesin değil",
    "unarchived-count": "{total} kaynağın {count} tanesi için arşiv bağlantısı kaydedilmemiş.",
    "evidence-supports": "Kanıt: destekliyor",
    "evidence-contradicts": "Kanıt: çelişiyor",
    "evidence-context": "Kanıt: bağlam",
    "feed-title": "{site}: iddia incelemeleri",
    "feed-summary": "İddia eden: {author} ({date}). {summary}",
    "citing-summary": "{page} sayfasındaki özet:",
    "citing-location": "{page} sayfasındaki konum:",
    "citing-operator": "{page} sayfasındaki işleten bilgisi:",
    "citing-established": "{page} sayfasındaki kuruluş bilgisi:",
    "citing-hosted unit": "{page} sayfasındaki konuşlu birlik:",
    "citing-fact": "{page} sayfasındaki olgu:",
    "citing-event": "{page} sayfasındaki olay:",
    "citing-claim": "{page} sayfasındaki iddia:",
    "citing-evidence": "{page} sayfasındaki kanıt:",
    "citing-presence": "{page} sayfasındaki varlık bilgisi:",
    "home-presence": (
        "Bu tesislerin {active} tanesinde kaynakların sürdüğünü bildirdiği bir NATO, ABD ya da\n"
        "müttefik varlığı var; {former} tanesi eski tesis. ABD {us}, NATO {nato}, başka bir\n"
        "müttefik ise {other_ally} tesiste bulunuyor ya da bulundu. Yayımlanmış sayıların bu\n"
        "listeyle karşılaştırmasını [sayılar sayfasında]({counts}) görebilirsiniz."
    ),
    "home-presence-unclear": (
        "Bu tesislerin {active} tanesinde kaynakların sürdüğünü bildirdiği bir NATO, ABD ya da\n"
        "müttefik varlığı var; {former} tanesi eski tesis, {unclear} tanesinde ise varlığın\n"
        "sürüp sürmediğini incelenen kaynakların hiçbiri belirtmiyor. ABD {us}, NATO {nato},\n"
        "başka bir müttefik ise {other_ally} tesiste bulunuyor ya da bulundu. Yayımlanmış\n"
        "sayıların bu listeyle karşılaştırmasını [sayılar sayfasında]({counts})\n"
        "görebilirsiniz."
    ),
    "bases-intro": (
        "Başvurulan kaynaklara göre Türkiye'de bugün ya da geçmişte NATO, ABD veya başka bir\n"
        "müttefik tarafından kullanılan bütün tesisler: **{listed} tesis**; {active} tanesinde\n"
        "varlığın sürdüğü bildiriliyor, {former} tanesi eski. Eski tesisler listeden çıkarılmaz.\n"
        "Her satır kimin, ne amaçla, ne zamandan ne zamana kadar bulunduğunu ve kaynakların\n"
        "bundan ne kadar emin olduğunu gösterir. Yayımlanmış sayıların bu listeyle\n"
        "karşılaştırması [sayılar sayfasında]({counts}) yer alıyor."
    ),
    "bases-intro-unclear": (
        "Başvurulan kaynaklara göre Türkiye'de bugün ya da geçmişte NATO, ABD veya başka bir\n"
        "müttefik tarafından kullanılan bütün tesisler: **{listed} tesis**; {active} tanesinde\n"
        "varlığın sürdüğü bildiriliyor, {former} tanesi eski; {unclear} tanesinde ise varlığın\n"
        "sürüp sürmediği belirsiz. Eski tesisler listeden çıkarılmaz.\n"
        "Her satır kimin, ne amaçla, ne zamandan ne zamana kadar bulunduğunu ve kaynakların\n"
        "bundan ne kadar emin olduğunu gösterir. Yayımlanmış sayıların bu listeyle\n"
        "karşılaştırması [sayılar sayfasında]({counts}) yer alıyor."
    ),
    "bases-filter-help": (
        "Sıralamak için bir sütun başlığına tıklayın; süzmek için aşağıdan bir değer seçin\n"
        "(süzgeçler JavaScript gerektirir; JavaScript yoksa tablonun tamamı görünür)."
    ),
    "present": "Bulunan taraf",
    "role": "Görev",
    "period": "Dönem",
    "how-sure": "Kesinlik",
    "run-by": "İşleten taraf",
    "presence": "Varlık",
    "not-recorded": "kaydedilmedi",
    "period-since-active": "{since:abl} beri",
    "period-since-until": "{since:abl} {until:dat} kadar",
    "period-since-unknown": "{since:abl} itibaren; bitişi bilinmiyor",
    "period-unknown-active": "başlangıcı bilinmiyor; sürüyor",
    "period-unknown-until": "başlangıcı bilinmiyor; {until:dat} kadar",
    "period-unknown-unknown": "başlangıcı da bitişi de bilinmiyor",
    "period-since-unclear": "{since:abl} itibaren; sürüp sürmediği belirsiz",
    "period-unknown-unclear": "başlangıcı bilinmiyor; sürüp sürmediği belirsiz",
    "hosted-between": "{since:abl} {until:dat} kadar",
    "not-sourced-coordinates": (
        "kaynak gösterilmedi: başvurulan hiçbir kaynak bu tesis için bir nokta vermiyor"
    ),
    "shares-site-with": "Aynı yerleşkeyi paylaştığı tesis",
    "counts-compared": (
        "**Sayıların karşılaştırması.** Bu sayının listedeki tesislerle nasıl eşleştiği:"
    ),
    "counts-title": "Tesis sayıları yan yana",
    "counts-description": (
        "Aktörlerin Türkiye'deki NATO ve ABD tesisleri için verdiği her sayı, bu sayının neyi "
        "kapsıyor göründüğü ve listedeki hangi tesislerin bu okumaya girdiği."
    ),
    "counts-heading": "Sayılar yan yana",
    "counts-intro": (
        "Aktörler Türkiye'deki NATO ve ABD tesisleri için birbirinden çok farklı sayılar\n"
        "veriyor. Aşağıdaki her sayı, kaydedildiği ve kaynağının gösterildiği iddiaya ya da\n"
        "olguya bağlanıyor. Yanında bir **okuma** var: sayının neyi kapsıyor göründüğü (yalnızca\n"
        "NATO, yalnızca ABD, yalnızca etkin tesisler, radarlar ve depolar dâhil...). Okuma,\n"
        "kullanılan sözcüklerin bu sitece yorumlanmasıdır, aktörün kendi tanımı değildir;\n"
        "aktörlerin hiçbiri bir tanım vermiyor. Her okumanın kapsadığı tesisler\n"
        "[tesis listesinden]({bases}) ({listed} tesis) hesaplanır; liste değiştikçe sayılar da\n"
        "değişir. Bir sayıyla okuması arasındaki fark, listenin o sayıyı ne ölçüde\n"
        "açıkladığını gösterir; sayı hakkında bir hüküm değildir."
    ),
    "count": "Sayı",
    "said-in": "Söylendiği yer",
    "reading": "Okuma",
    "listed-matching": "Listede uyan tesisler",
    "undecided-n": "(+{n} belirsiz)",
    "recorded-as-fact": "Olgu olarak kayıtlı ({page}):",
    "recorded-as-claim": "İddia olarak kayıtlı ({page}):",
    "statement-fact": "Olgu",
    "statement-claim": "İddia",
    "figure-given": "Verilen sayı: **{figure}**",
    "reading-is": "Okuma:",
    "listed-matching-n": "Listede bu okumaya uyan tesisler: **{n}**.",
    "none-matching": "Listelenen tesislerin hiçbiri bu okumaya uymuyor.",
    # mkdocs.yml texts (kb.sitelangs.translate)
    "config-site-name": "Türkiye'deki NATO ve ABD üsleri",
    "config-site-description": (
        "Türkiye'deki NATO ve ABD askerî tesislerinin ve bunlar hakkında öne sürülen "
        "iddiaların kaynaklara dayanan, tarafsız kaydı."
    ),
    "config-copyright": (
        "Kod MIT lisansı · Veri CC BY 4.0 · İddiaların ve kanıtların kaydıdır; hiçbirinin "
        "onaylandığı anlamına gelmez."
    ),
    "config-to-dark": "Koyu temaya geç",
    "config-to-light": "Açık temaya geç",
    "nav-home": "Ana sayfa",
    "nav-overview": "Genel bakış",
    "nav-installations": "Tesisler",
    "nav-counts": "Sayılar",
    "nav-claims": "İddialar",
    "nav-timeline": "Kronoloji",
    "nav-actors": "Aktörler",
    "nav-sources": "Kaynaklar",
    "nav-methodology": "Yöntem",
    "nav-quality": "Veri kalitesi",
    "nav-contributing": "Katkıda bulunun",
    "nav-field-reference": "Alan başvurusu",
    "nav-about": "Hakkında ve düzeltmeler",
    # claim pages, the claims index and the corrections log (claim-pages)
    "last-reviewed-claim": "Son inceleme: {date}.",
    "assessment-heading": "Değerlendirme",
    "evidence-heading": "Kanıtlar",
    "no-evidence": "Bu iddia için henüz kanıt kaydedilmedi.",
    "installations-concerned": "İlgili tesisler",
    "concerns-country": (
        "İddia, Türkiye'deki NATO ve ABD tesislerinin bütününü ilgilendiriyor; bkz. "
        "[genel bakış]({overview})."
    ),
    "rating-history": "Derecelendirme geçmişi",
    "not-yet-rated": "Henüz derecelendirilmedi: iddia kaydedildi ama kanıtlarla tartılmadı.",
    "first-rated": (
        "İlk derecesi {date:loc} verildi: {status}. Derecesi o tarihten beri değişmedi."
    ),
    "rated-undated": "Derecesi: {status}. İlk verildiğinden beri değişmedi.",
    "recorded-unassessed": "İlk kaydedildiğinde derecesi yoktu (değerlendirilmedi).",
    "rated-first": "İlk derecesi: {status}.",
    "rated-first-on": "İlk derecesi {date:loc} verildi: {status}.",
    "rating-changed": "{date}: derecesi {status} olarak değiştirildi.",
    "earlier-wordings": "İddianın, özetinin ve değerlendirmesinin önceki ifadeleri:",
    "reworded-field-on": "{date:dat} kadar {field} şöyleydi:",
    "in-language": "({language})",
    "corrections-pointer": "Sitedeki bütün düzeltmeler [düzeltme kaydında]({about}) listelenir.",
    "claim-recorded-on": "Kayıtlı olduğu sayfa: {page}.",
    "card-claimed": "{actor}, {date}",
    "card-more-actors": "ve {count} aktör daha",
    "claims-filter-help": (
        "Listeyi daraltmak için bir durum, iddia eden, tesis ya da yıl seçin (süzgeçler\n"
        "JavaScript gerektirir; JavaScript yoksa listenin tamamı görünür). Durumlar\n"
        "anlamlarına göre sıralanmıştır; tanımını görmek için bir durum etiketine dokunun."
    ),
    "claims-shown": "{total} iddiadan {shown} tanesi gösteriliyor",
    # narrow (issue 13): tables, long lists, the serve error page
    "status-count": "{count} {status}",
    "decade": "On yıl",
    "decade-heading": "{decade:pl}",
    "timeline-filter-help": (
        "İçindekiler listesinden bir on yıla gidebilirsiniz; yalnızca bir tesisin ya da bir on\n"
        "yılın olaylarını görmek için aşağıdan seçin (menüler JavaScript gerektirir; JavaScript\n"
        "yoksa bütün olaylar görünür)."
    ),
    "sources-filter-help": (
        "Sıralamak için bir sütun başlığına tıklayın; yalnızca belli bir türün, dilin ya da\n"
        "yayıncının kaynaklarını görmek için aşağıdan seçin (menüler JavaScript gerektirir;\n"
        "JavaScript yoksa bütün kaynaklar görünür). **Atıf**, bir kaynağa atıf yapan olguları,\n"
        "olayları, iddiaları ve kanıtları sayar; kaynağın kaydı bunları tek tek listeler."
    ),
    "cited-count": "Atıf",
    "title": "Başlık",
    "all": "tümü",
    "not-found": "404 - Sayfa bulunamadı",
    "serve-error-title": "Verilerde hatalar var",
    "serve-error-intro": (
        "Hatalar düzeltilene kadar site gösterilmez. Aşağıdaki her sorun dosyasını, satırını ve\n"
        "sütununu adlandırır ve ne yapılacağını söyler. Bir düzeltmeyi kaydedin; bu sekme\n"
        "kendiliğinden yenilenir. Aynı liste terminalde de yazılır ve `mkdocs build` bu\n"
        "verileri reddeder."
    ),
    "year": "Yıl",
    "claims-index-intro": (
        "Sitede kayıtlı bütün iddialar, her biri bir satırda, durumu ve tek cümlelik\n"
        "değerlendirmesiyle. Durum, kanıtlar hakkında varılan bir sonuçtur ve\n"
        "[yöntem]({methodology}) sayfasında tanımlanır; her iddianın kendi sayfasında tam\n"
        "değerlendirme, kanıtlar ve derecelendirme geçmişi yer alır."
    ),
    "corrections-count": "{count} düzeltme kayıtlı; en yenisi en üstte.",
    "correction-claim": "İddia:",
    "correction-fact": "Olgu:",
    "correction-event": "Olay:",
    "correction-name": "{name}",
    "correction-location": "{name}, konum",
    "correction-presence": "{name}, varlık",
    "correction-host": "{base}, birlik: {name}",
    "field-was": "{field} düzeltildi; önceki değeri: {value}.",
    "field-corrected": "{field} düzeltildi.",
    "field-added": "{field} eklendi; önceden verilmemişti.",
    "value-unknown": "bilinmiyor",
    "was-rated": "önceki derecesi: {status}",
    "earlier-text": "önceki metin",
    "earlier-text-in": "önceki {language} metin",
    "field-reworded": "{field} yeniden ifade edildi",
    "was-dated": "önceki tarihi: {date}",
    "was-ending": "önceki bitiş tarihi: {date}",
    "no-corrections": "Henüz kayıtlı bir düzeltme yok.",
    "maintained-by": (
        "Site, herkese açık GitHub deposu [{repository}]({url}) üzerinden yürütülür. Veride ve\n"
        "kodda yapılan her değişiklik gerekçesiyle birlikte orada kayıtlıdır: deponun geçmişi\n"
        "neyi kimin, ne zaman ve neden değiştirdiğini gösterir."
    ),
    "report-intro": (
        "Bir hatayı bildirmek ya da bir iddia önermek için şu formlardan biriyle bir konu (issue)"
        " açın:"
    ),
    "report-blank": "ya da başka her şey için [boş bir konu açın]({url}).",
    "issue-form-incorrect-data": "Hatalı bir veriyi bildirin",
    "issue-form-propose-claim": "Yeni bir iddia önerin",
    "issue-form-github-name": '(formun GitHub\'daki İngilizce adı: <span lang="en">{name}</span>)',
    # the field reference (kb.schema.docs)
    "record-base": "Tesis",
    "record-overview": "Genel bakış",
    "record-source": "Kaynak",
    "record-actor": "Aktör",
    "type-enum": "aşağıdaki değerlerden biri",
    "type-const": "her zaman '{value}'",
    "type-or": "ya da",
    "type-list": "liste ({item})",
    "type-string": "metin",
    "type-integer": "tam sayı",
    "type-number": "sayı",
    "type-boolean": "true ya da false",
    "type-object": "eşleme (aşağıya bakın)",
    "type-value": "değer",
    # translation (issue 16)
    "untranslated": "henüz çevrilmedi",
    "page-untranslated": "Bu sayfa henüz Türkçeye çevrilmedi; İngilizcesi gösteriliyor.",
    "quote-translation": "Çeviri:",
    "undecided": "Okumanın gerektirdiği bir tarih bilinmediği için belirsiz:",
    # haritalar (düz metin: SVG'ye kaçışlı yazılır, Markdown olarak okunmaz)
    "map-title": "Koordinatı kaynaklarda verilen tesislerin Türkiye haritası",
    "locator-title": "{name}: Türkiye'deki konumu",
    "marker-active": "{present}, etkin",
    "marker-former": "{present}, eski",
    "marker-unclear": "{present}, sürüp sürmediği belirsiz",
    "legend-active": "etkin (dolu)",
    "legend-former": "eski (soluk, kesikli halka)",
    "legend-unclear": "sürüp sürmediği belirsiz (yarı soluk, noktalı halka)",
    "legend-shared": "birden fazla taraf: her biri bir dilim",
    "legend-moved": "yakındaki bir işaretten ayrıldı; nokta gerçek yeri gösterir",
    "not-on-map": (
        "Haritada yok, çünkü başvurulan kaynakların hiçbiri bunlar için bir nokta vermiyor:"
    ),
    # bu sayfayı kaynak göster; indirmeler
    "cite-heading": "Bu sayfayı kaynak gösterin",
    "cite-intro": "Önerilen kaynak gösterimi (okuduğunuz tarihi ekleyin):",
    "cite-changed": "Son değişiklik: {date}.",
    "cite-claim": "Bu iddiayı kaynak gösterin",
    "cite-files": "Kaynak gösterimini [BibTeX]({bib}) ya da [CSL-JSON]({csl}) olarak indirin.",
    "record-json": (
        "Bu kaydı [JSON]({json}) olarak indirebilirsiniz (bkz. [indirmeler]({downloads}))."
    ),
    "claim-title": "İddia: {text}",
    "downloads": "İndirmeler",
    "downloads-intro": (
        "Bu sitenin dayandığı veriler, aşağıdaki lisansla serbestçe kullanılabilir; site her\n"
        "derlendiğinde aynı biçimde üretilir: kayıtlar kimliğe göre sıralı, anahtarlar sabit\n"
        "sırada, zaman damgası yok. Aynı dosyaları `python -m kb export` yazar. Her tesisin,\n"
        "kaynağın ve aktörün sayfası kendi JSON dosyasına bağlantı verir."
    ),
    "downloads-licence": (
        "**Lisans.** Veriler ve metinler [{licence}]({licence_url}) ile yayımlanır: bu siteyi\n"
        "kaynak göstererek serbestçe kullanabilirsiniz. Alıntılar sahiplerine aittir. Şemalar\n"
        "JSON dosyalarını tanımlar (JSON Schema, taslak 2020-12)."
    ),
    "downloads-csv-note": (
        "**CSV dosyaları** bayt sırası işaretli (BOM) UTF-8'dir; böylece elektronik tablo\n"
        "programları dosya doğrudan açıldığında Türkçe harfleri doğru gösterir. `=`, `+`, `-`\n"
        "ya da `@` ile başlayacak bir hücre kesme işaretiyle başlar; hiçbir metin formül olarak\n"
        "çalıştırılmaz."
    ),
    "size-bytes": "{n} bayt",
    "decimal-mark": ",",
    "size-kb": "{n} kB",
    "size-mb": "{n} MB",
    "file": "Dosya",
    "format": "Biçim",
    "size": "Boyut",
    "licence": "Lisans",
    "holds": "İçeriği",
    "n-files": "{count} dosya, toplam {size}",
    "one-file": "1 dosya, {size}",
    "download-dataset": (
        "Her şey: tesisler, genel bakış, kaynaklar ve aktörler; `schema_version` ile."
    ),
    "download-claims-json": "Her iddia: beyanlar, durum, değerlendirme, kanıt, sayfa.",
    "download-installations-geojson": (
        "Tesisler nokta olarak (RFC 7946, WGS 84, `[boylam, enlem]`; kaynağın nokta vermediği"
        " yerde nokta yok); varlığa, göreve, kesinliğe ve ile göre biçimlendirilebilir."
    ),
    "download-installations-csv": "Her tesis bir satır: adlar, il, nokta, varlık.",
    "download-claims-csv": (
        "Her iddia bir satır: durum, metin, aktörler, ilk iddia, inceleme, özet, değerlendirme;"
        " metinlerin Türkçesi ayrı sütunlarda (`text_tr`, `summary_tr`, `assessment_tr`;"
        " henüz çevrilmemişse boş)."
    ),
    "download-sources-csv": "Her kaynak bir satır: başlık, yayıncı, tarih, dil, adres.",
    "download-overview": "Ülke genelindeki olgular, olaylar, sayımlar ve iddialar.",
    "download-bases": "Her tesis için bir dosya, YAML dosyasındaki hâliyle.",
    "download-sources": "Her kaynak için bir dosya.",
    "download-actors": (
        "Her aktör için bir dosya; `name`, `short` ve `description` İngilizce metin ya da"
        " `{{en, tr}}` eşlemesidir."
    ),
    "download-schema": "Kayıtların JSON Şeması ve ortak tanımları.",
    "download-cite": "Her tesisin ve iddianın önerilen kaynak gösterimi, BibTeX ve CSL-JSON.",
    "download-feed": "İddia incelemelerinin Atom akışı, en yenisi başta.",
}

# Country names as Turkish writes them in running text (ABD, not Amerika Birleşik Devletleri);
# a code missing here falls back to CLDR's Turkish name.
COUNTRY_NAMES: dict[str, str] = {
    "INT": "uluslararası",
    "NATO": "NATO",
    "BE": "Belçika",
    "BG": "Bulgaristan",
    "CA": "Kanada",
    "DE": "Almanya",
    "DK": "Danimarka",
    "ES": "İspanya",
    "FR": "Fransa",
    "GB": "Birleşik Krallık",
    "GR": "Yunanistan",
    "IL": "İsrail",
    "IQ": "Irak",
    "IR": "İran",
    "IT": "İtalya",
    "NL": "Hollanda",
    "NO": "Norveç",
    "PL": "Polonya",
    "QA": "Katar",
    "RO": "Romanya",
    "RU": "Rusya",
    "SY": "Suriye",
    "TR": "Türkiye",
    "US": "ABD",
}

TR = Language(
    code="tr",
    months=(
        "Ocak",
        "Şubat",
        "Mart",
        "Nisan",
        "Mayıs",
        "Haziran",
        "Temmuz",
        "Ağustos",
        "Eylül",
        "Ekim",
        "Kasım",
        "Aralık",
    ),
    day_month_year="{day} {month} {year}",
    month_year="{month} {year}",
    strings=STRINGS,
    country_names=COUNTRY_NAMES,
    inflect=inflect,
)
