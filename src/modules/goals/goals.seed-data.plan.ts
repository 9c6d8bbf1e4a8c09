// Goal areas (målområden) and direction goals (inriktningsmål) of Norrtälje kommunstyrelse's
// Verksamhetsplan 2025–2027 (seed 002, pages "Mål, indikatorer och specifika uppdrag"), as printed.
// ambition = "Ambitionsnivå 2035", inPractice = "Vad betyder det i praktiken?", boardText =
// "Nämndens bidrag till måluppfyllelse inom målområdet" (area) or "Nämndens arbete inom
// inriktningsmålet" (goal). Lines are joined as the PDF wrapped them; paragraphs are separated by a
// blank line. Goal area 4's board contribution is printed as an empty heading, so it is empty here.

export interface SeedGoalArea {
  number: number;
  title: string;
  ambition: string;
  inPractice: string;
  boardText: string;
}

export interface SeedGoal {
  number: string;
  title: string;
  text: string;
  boardText: string;
}

export const GOAL_AREAS: SeedGoalArea[] = [
  {
    number: 1,
    title: 'Norrtälje ska ha en sund och hållbar ekonomi i balans',
    ambition: 'Norrtälje kommun ska ha en stärkt ekonomi som skapar maximal nytta för invånarna.',
    inPractice:
      'Norrtälje kommuns ekonomi ska vara stabil trots en orolig omvärld. Politiken ska göra allt i sin makt för att se till att invånarna och företagen får de bästa möjliga förutsättningarna att klara det svåra ekonomiska läget. En oförändrad skattesats och en långsiktig hushållning med den kommunala ekonomin, där vi värnar överskottsmålet, gör att vi ger hela kommunen rätt förutsättningar idag och samtidigt säkrar framtidens välfärd. De intäkter kommunen får från kommuninvånarna, staten och från markförädling ska användas på ett effektivt och långsiktigt hållbart sätt. Varje skattekrona ska värnas med noggrann kostnadsstyrning, och de kommunala bolagen ska rustas för att klara kommande investeringar.',
    boardText:
      'Kommunstyrelsen och kommunstyrelsekontoret har huvudansvaret för att säkerställa att kommunen har en god ekonomisk hushållning och följer genom sin uppsiktsplikt upp övriga nämnders ekonomihantering. God ekonomisk hushållning i verksamheten innebär inte enbart ekonomi i balans, utan innefattar även ett krav på att resurserna används för rätt ändamål och på ett effektivt sätt. Därför ska även målen för verksamheten följas upp och utvärderas.\n\nEn viktig del i arbetet under 2025 blir att fortsätta utveckla kommunstyrelsekontorets verksamheter så att kontoret levererar ökad kvalitet internt och externt med sikte på ambitionerna till år 2035. En annan viktig del är slutförande av de uppdrag som kommunstyrelsekontoret har tilldelats. Dessutom har kommunstyrelsekontoret ett uppdrag att arbeta med effektivisering i hela kommunkoncernen, vilket bland annat kommer att ske genom kontakter och samarbete med funktioner och nätverk inom Sveriges Kommuner och Regioner (SKR) avseende analysmetoder, kvalitet i kommunsektorn, effektivitet och jämförelser med andra kommuner. Här ingår även en översyn av kommunens administration och chefsstruktur samt genomlysning av administrativa rutiner och processer som skulle kunna förenklas eller elimineras.',
  },
  {
    number: 2,
    title: 'Norrtälje ska vara en landsbygdsvänlig och serviceinriktad kommun - som sätter invånaren först',
    ambition:
      'Norrtälje kommun ska vara Sveriges populäraste landsbygds- och skärgårdskommun som främjar demokratisk delaktighet och samhörighet.',
    inPractice:
      'Hela Norrtälje kommun ska utvecklas och ges förutsättningar att växa. Stad, landsbygder och skärgård ska utvecklas tillsammans. Människor ska kunna bo och verka i hela vår kommun och vi ska ta vara på den fantastiska potential som erbjuds i vår del av Roslagen. En attraktiv och sammanhållen kommun är en plats där både invånare och företag trivs och växer. För att uppnå detta mål måste vi kontinuerligt stärka dialogen med invånare och företag och aktivt främja hela kommunen som en attraktiv plats att bo och etablera sig på. Formen och sättet som kommunal service ges på kan se olika ut, men vi strävar alltid efter att hämta kraft i det engagemang och de idéer för utveckling som finns lokalt.\n\nFör att vara en attraktiv landsbygds- och skärgårdskommun, både för invånare och besökare, är det av avgörande betydelse att integrera landsbygds- och skärgårdsperspektivet i kommunens beslutsprocess, både på kort och lång sikt.\n\nTillgången till kommunal service i tätort, på landsbygderna och i skärgård behöver därför stärkas. Det vill vi uppnå genom bland annat ökad tillgänglighet till kontaktcenter, samordning av service på flera orter och genom att utveckla mobila lösningar. Civilsamhället är också en viktig aktör och kraft att ta vara på. För att främja samhörighet och delaktighet behöver civilsamhället uppbackning av kommunen, exempelvis via stöd till insatser för lokal platsutveckling och att det engagemang som finns lokalt tas tillvara.\n\nFör att lyckas krävs från Norrtälje kommuns sida en samlad strategi, ett innovativt arbetssätt, hög tillgänglighet och förenklade processer, inte minst på samhällsbyggnadsområdet. Det handlar till exempel om att förenkla planarbetet så långt det är möjligt, och att säkra en långsiktig utveckling av de mindre orterna och landsbygderna. Utgångspunkten för allt arbete med tillväxt och utveckling är att utgå från våra speciella förutsättningar som en kommun med en stor andel av befolkningen boende på landsbygden. Det behöver inventeras var det finns mark i anslutning till de mindre orterna och landsbygderna som är lämplig för byggnation av småhus och flerbostadshus. Bostäder ska byggas för alla livets skeden i hela vår kommun. Kommunen behöver också verka för ett förbättrat landsbygds- och skärgårdsperspektiv för infrastruktur och alla former av kollektivtrafik i samarbete med Region Stockholm.',
    boardText:
      'Kommunstyrelsekontoret fortsätter arbeta för en höjd medborgarnöjdhet tillsammans med förvaltningarna för bättre bemötande i kontakt med kommunens invånare. Kommunstyrelsekontorets fokus är att utöka den kommunala servicen och möjliggöra för fler invånare att bosätta sig och leva på landsbygd och skärgård i Norrtälje kommun.',
  },
  {
    number: 3,
    title: 'Norrtälje ska vara en trygg och säker kommun - både i vardag och kris',
    ambition: 'Norrtälje kommun ska vara Sveriges tryggaste kommun.',
    inPractice:
      'Norrtälje ska vara en trygg kommun, både i vardag och i kris. Människors trygghet och säkerhet är ett grundläggande samhällsuppdrag och vår tids viktigaste frihetsfråga. Denna betoning av trygghetens betydelse för samhällsutvecklingen ska vägleda kommunen såväl i arbetet för ökad trygghet och säkerhet som i utvecklingen av Norrtälje kommuns krisberedskap.\n\nI Norrtälje kommun gäller nolltolerans mot alla former av brottslighet, inte minst mot välfärdsbrottslighet och organiserad brottslighet. För att Norrtälje kommun ska bli Sveriges tryggaste kommun behöver det framgångsrika arbetet med Trygg i Norrtälje kommun ges rätt förutsättningar till fortsatt goda resultat och kommunen behöver skärpa och samordna arbetet för att förhindra och bekämpa denna brottslighet i samverkan med näringslivet, civilsamhället, Polisen och andra myndigheter. Det är samverkan mellan invånare och samhällets aktörer samt arbetssätt som bygger tillit, som är avgörande för att bygga ett tryggt och sammanhållet samhälle.',
    boardText:
      'Kommunstyrelsekontoret fortsätter under 2025 sitt fokus från tidigare år beträffande våld i nära relationer och hedersrelaterat våld. Trygghet för kommunens invånare är ett prioriterat område, inte bara för kommunstyrelsekontoret, utan för hela kommunen. I det arbetet har kommunstyrelsekontoret en viktig roll och inriktningen är att kommunen ska vara tryggast i Sverige till 2035.',
  },
  {
    number: 4,
    title:
      'Norrtälje ska vara en kunskapsinriktad skolkommun - där barn och unga rustas väl för framtiden och ges möjlighet att nå sin fulla potential',
    ambition: 'Norrtälje kommun ska vara Sveriges bästa skolkommun.',
    inPractice:
      'Barn och unga ska rustas för framtiden och ges möjlighet att nå sin fulla potential. Det är en uppgift där både föräldrar, skola och andra delar av samhället spelar en roll och har ett ansvar. Skolan har en stor strategisk betydelse både för individen och samhällsutvecklingen. Det är genom dedikerat arbete för kunskap, trygghet, ordning och trivsel i skolan som kunskapsresultaten ska höjas och därigenom rusta barn och unga för framtiden. Att utveckla samhällets insatser för att stärka barns och ungas psykiska hälsa är en annan prioriterad uppgift som ryms inom detta löfte. Genom denna ambition byggs välbefinnande nu och för kommande generationer.',
    boardText: '',
  },
  {
    number: 5,
    title: 'Norrtälje ska förvaltas och utvecklas på ett miljö- och klimatmässigt hållbart sätt',
    ambition:
      'Norrtälje kommun ska vara en kommun som ligger i nationell framkant på miljö- och klimatområdet, sett till egen och upphandlad verksamhet såväl som till samverkan med näringsliv och civilsamhälle.',
    inPractice:
      'Kommunens samlade klimatavtryck ska minska i den omfattning som krävs enligt Parisavtalet och de nationella målen om nettonollutsläpp till år 2045. Den egna organisationen ska vara fossilbränslefri senast år 2030 och arbetet med att minska miljöbelastning och klimatpåverkan ska vara en naturlig del av förvaltningarnas löpande arbete.\n\nKommunen bidrar på olika sätt till mer cirkulära kretslopp av material och energi, genom att underlätta för exempelvis källsortering, återvinning och återbruk. Kommunen ska också arbeta för mer hållbara byggnader genom exempelvis intensifierat arbete med energieffektivisering, byggnation i trä samt solceller på byggnader.\n\nSamhällsplaneringen ska stärka viktigt mervärden såsom grönytor för ökad biologisk mångfald, och förhöjd trivsel, samt genomsyras av bättre klimatanpassning och andra åtgärder för en motståndskraftig kommun med god krisberedskap.\n\nFör att nå framsteg krävs också samsyn, samarbete och utvecklade arbetssätt med näringsliv, civilsamhälle och våra invånare, och här behöver kommunen vara en samlande kraft.\n\nDe styrdokument och handlingsplaner som krävs för ett effektivt miljö- och klimatarbete följs upp systematiskt och uppdateras i den takt som behövs för fortsatt framdrift.',
    boardText:
      'Kommunstyrelsekontoret har en viktig roll i att utveckla och följa upp kommunens insatser för att uppnå målen inom miljö- och klimatområdet. För ändamålet etableras under 2025 ett hållbarhetskontor där en del av uppdraget är att leda och samordna miljö- och klimatarbetet inom kommunkoncernen samt driva samverkan med näringsliv och civilsamhälle. Kommunstyrelsekontoret har också fått resurser till att arbeta vidare med klimatanpassning och skyfallsfrågor under 2025. Flera fokusområden inom vattenområdet är prioriterade under året, bland annat ska kommunen arbeta med ett provtagningsprogram för vatten samt med lokala åtgärdsprogram och restaureringsinsatser.',
  },
  {
    number: 6,
    title: 'Norrtälje ska vara en företagsvänlig kommun där människor och entreprenörskap utvecklas',
    ambition: 'Norrtälje kommun ska vara Sveriges mest företagsvänliga kommun.',
    inPractice:
      'Norrtälje kommuns utveckling är till stora delar beroende av det lokala näringslivet. När företagen mår bra gynnas kommunen i form av arbetstillfällen, innovationer, service och skatteintäkter. Företagsamhet och entreprenörskap ska därför uppmuntras och det är viktigt att näringslivets perspektiv beaktas i kommunala beslut.\n\nFör att stärka näringslivet i vår kommun behöver vi arbeta aktivt med att förbättra företagsklimatet, liksom kontakten och samarbetet med de företagare som verkar i vår kommun. Vidare behöver kommunen kontinuerligt sträva efter att förbättra sin myndighetsutövning och bemötande gentemot företagen, samt säkerställa att det är enkelt för lokala företag att lämna anbud på kommunens upphandlingar. För att främja den lokala utvecklingen av näringslivet behöver kommunen också tillgodose behovet av planlagd mark för nya företagsetableringar och verka för en god infrastruktur i hela kommunen. Kommunen behöver också arbeta aktivt för att möta det lokala näringslivets behov av arbetskraft med relevant kompetens.\n\nNorrtälje kommun ska vara en attraktiv kommun för alla former av företagande och en uppskattad samverkanspart i vår gemensamma strävan mot hållbar utveckling och ska därför bland annat ta tillvara på de olika möjligheter som sociala företag och idéburet offentligt partnerskap (IOP) ger.',
    boardText:
      'Kommunens näringslivskontor är en viktig och sammanhållande aktör för kommunens arbete med att göra Norrtälje kommun till en attraktiv plats för företag och entreprenörskap. Landsbygd- och skärgårdsturismen är en viktig del av Norrtälje som besökskommun och en inriktning under året för kommunstyrelsekontoret. Företagsstödet är i fokus under målområdet med flertalet aktiviteter.',
  },
  {
    number: 7,
    title: 'Norrtälje ska vara en inkluderande kommun - som främjar människors egenmakt, livskvalitet och egenförsörjning',
    ambition:
      'Norrtälje kommun ska vara en kommun där invånarna upplever hög grad av jämlikhet, egenmakt och gemenskap. Våra invånare åtnjuter god livskvalitet med berikande fritid och har tillgång till en trygg socialtjänst och en välfungerande äldreomsorg i hela kommunen.',
    inPractice:
      'Norrtälje är en kommun där alla behövs och alla ska kunna bidra. Kommunens invånare ska, oavsett bakgrund, funktionsnedsättning, sexuell läggning eller könsidentitet, kunna vara fullt delaktiga i alla delar av det politiska, sociala, ekonomiska och kulturella livet. Ingen ska utsättas för diskriminering. Alla, oavsett könstillhörighet eller ursprung, ska ha möjlighet att själva bestämma och forma sina liv. Det kräver ett medvetet arbete för ökad jämställdhet, trygghet och demokrati. Våld i nära relation och hedersrelaterat våld och förtryck måste förebyggas och brytas.\n\nÄldreomsorgen i Norrtälje kommun ska vara välfungerande och trygg och kommunens äldre ska få en god och jämlik vård och omsorg utifrån sina behov. Vår kommun har och står inför en demografisk utmaning, vilket ställer stora krav på äldreomsorgen. Det är därför av yttersta vikt att vi arbetar hälsofrämjande, förebyggande och tar till oss av välfärdsteknik som underlättar för både personal och äldre samt ökar tryggheten. Det är en självklarhet att äldreomsorgen i Norrtälje ska vara fri från oseriösa aktörer och hålla hög kvalitet.\n\nI Norrtälje kommun får invånarna det stöd de behöver, i rätt i tid och av rätt instans. Dessa insatser är beroende av personal som mår bra, vilket innebär att goda arbetsvillkor och sund arbetsmiljö inom äldreomsorgen och socialtjänst är en förutsättning.\n\nInvånare i Norrtälje kommun ska uppleva att de har makt över sina liv. En viktig del av det arbetet är att vi vill styra om resurser från bidrag till jobb. Det ska främjas genom exempelvis arbetsträning, studier eller arbetspraktik för grupper som i dag står utanför arbetsmarknaden. Vi vill också underlätta för dem som står långt ifrån bostadsmarknaden och ser därför över nya vägar att möta deras behov av bostäder. Egenförsörjning är även den viktigaste pusselbiten bland flera för att lyckas med integrationen, där rättigheter och eget ansvar behöver gå hand i hand. En lyckad integration bygger på ömsesidig ansträngning.\n\nGenom att stödja och främja kultur-, idrotts- och friluftslivet ska Norrtälje kommun bidra till att skapa förutsättningar för livskvalitet, och ett sammanhang där alla kan trivas, må bra, känna frihet och erbjudas en meningsfull fritid i hela kommunen. Här spelar det fortsatta stödet till kommunens många föreningar en viktig roll, då föreningslivet i sig innebär möten och vänskap mellan människor. För att det ska vara möjligt krävs att vi värnar och stärker vårt rika kultur-, idrotts- och föreningsliv. Vi värnar också en stark folkbildning eftersom vi vet att det stärker vår demokrati.\n\nFör att alla ska kunna ha och känna egenmakt är det viktigt att samhället kan erbjuda meningsfull fritid och sysselsättning för alla grupper, att utifrån förmåga kunna vara en aktiv del i samhället, att kunna ha en meningsfull fritid och vardag. Det kan handla om att arbetspraktik, daglig verksamhet, studier anpassade utifrån den enskildes förutsättningar. Verksamheten inom LSS ska präglas av hög kvalitet.',
    boardText:
      'För att främja egenmakt och stark gemenskap ska kommunstyrelsekontoret bland annat arbeta med finskt förvaltningsområde samt stärkande av nationella minoriteter inom kommunen.',
  },
];

export const GOALS: SeedGoal[] = [
  {
    number: '1.1',
    title: 'En ekonomi i balans',
    text: 'För en fortsatt balanserad tillväxt och samhällsutveckling som bidrar till att Norrtälje kommun får fler invånare utan att kvaliteten i kärnverksamheterna riskerar att försämras krävs en ökad andel självfinansiering av investeringar samt budgetdisciplin. Överskottet ska uppgå till minst 2 procent av skatteintäkter och generella bidrag över tid.',
    boardText:
      'Kommunstyrelsekontoret ska vid årets slut ha en budget i balans. Kommunstyrelsekontoret ska också bidra till att kommunens samlade ekonomi är i balans.',
  },
  {
    number: '1.2',
    title: 'En effektiv verksamhet',
    text: 'Norrtälje kommuns verksamheter skall bedrivas på ett sådant sätt att de präglas av ändamålsenlighet (möta kommuninvånarnas behov och förväntningar), kostnadseffektivitet (produktivitet), flexibilitet (förmåga till anpassning efter nya förutsättningar) och kvalitet (systematiskt kvalitetsarbete). Detta förutsätter inte minst att planeringen av samhällsservice och välfärdstjänster noga följer den demografiska utvecklingen. Här blir koncernperspektivet en framgångsfaktor.',
    boardText:
      'De prioriterade fokusområden som finns under året är att fortsätta utveckla processer inom kontoret så att de på ett ändamålsenligt sätt både levererar hög kvalitet och till en så låg kostnad som möjligt. Kommunstyrelsekontoret kommer fokusera på de uppdrag som givits till kontoret, bland annat "Kommunens organisation ska genomlysas med syfte att effektivisera verksamheten utan att göra avkall på kvaliteten". Ett nämndinitiativ föreslås, som förtydligande till det uppdrag kommunstyrelsen har givit till kommundirektören tidigare i samband med beslut om reviderad styrmodell, att kommunstyrelsekontoret under 2025 reviderar styrmodellen med syftet att skapa en organisatoriskt och politiskt välförankrad styrmodell med färre mål och som tillämpas i kommunkoncernen från och med år 2027. Initiativet ska vara beslutat i kommunfullmäktige i början av 2026 för att tillämpas i budgetarbetet för 2027-2029.',
  },
  {
    number: '2.1',
    title: 'Säkerställa att invånare och företag får snabb återkoppling och positivt bemötande i alla sina kontakter med kommunen',
    text: 'Återkoppling till invånare på frågor som ställs till Norrtälje kommun ska göras inom en arbetsdag. Om frågan inte kan besvaras genast ska en tydlig angivelse göras av när nästa återkoppling (om när ärendet kommer att påbörjas eller beslutas) kommer att ske.',
    boardText:
      'Kommunstyrelsekontoret ska fortsätta utveckla den kommunala servicen, främst genom kommunens kontaktcenter där merparten av kontakt med invånare sker. Ett särskilt fokus är kontakten med företagare vilket kommer ske genom en bred kompetensutveckling under året.',
  },
  {
    number: '2.2',
    title: 'Ta vara på digitaliseringens möjligheter i kontakten med invånare och företag',
    text: 'Viktiga utgångspunkter i arbetet med kommunens fortsatta digitalisering är att med invånarna i fokus införa digitaliserade tjänster som förbättrar och underlättar kontakten med invånare och företag, samtidigt som ett personligt och behovsanpassat bemötande möjliggörs. Det fortsatta digitaliseringsarbetet ska balansera nya digitala möjligheter och kommunens nuvarande förutsättningar, identifiera effekthemtagningar och åtgärda hinder för att nå dessa samt involvera slutanvändare redan i designfasen av olika digitaliseringsinitiativ.',
    boardText: 'Kommunstyrelsekontoret har inga uppdrag eller indikatorer kopplade till detta inriktningsmål.',
  },
  {
    number: '2.3',
    title: 'Utveckla den kommunala servicen på landsbygd och skärgård',
    text: 'För att skapa förutsättning för stad, landsbygd och skärgård ska den kommunala servicen öka både i omfattning samt kvalitet med god tillgång till bland annat skolor, affärer, arbetsplats och kommunikationer.',
    boardText:
      'Fokusområden under året kommer bland annat att vara att identifiera och realisera utvecklingspotentialen på utvalda platser i kommunens landsbygd och skärgård. Detta ska se i samverkan med näringslivsaktörer och civilsamhället.',
  },
  {
    number: '3.1',
    title: 'Stärka tryggheten i hela Norrtälje kommun',
    text: 'För att stärka tryggheten på gator och torg i hela Norrtälje kommun läggs under 2025 särskilt fokus på att stärka samverkan med civilsamhället i syfte att stärka det trygghetsrelaterade och brottsförebyggande arbetet, samtidigt som satsningen på utökad kamerabevakning i offentliga miljöer och kommunala fastigheter fortsätter.',
    boardText:
      'Under 2025 har kommunstyrelsekontoret fått ett uppdrag om att ta fram en plan för utformning av trygghetsskapande åtgärder för att ytterligare stärka tryggheten i kommunen. Ett antal aktiviteter kommer även att genomföras tillsammans med stiftelsen Tryggare Sverige för att ytterligare stärka det brottsförebyggande arbetet.\n\nKommunen utvecklar sitt arbetar med att förbättra belysningen vid platser som upplevs som otrygga samt säkerställs att ordningsvakter har kroppskameror. Räddningstjänsten effektiviserar under 2025 sin bemanning av utryckningsstyrkan för att få en till utryckningsstyrka med förmåga till invändig livräddning (rökdykning).',
  },
  {
    number: '3.2',
    title: 'Öka tryggheten i hemmet, med särskilt fokus på våld i nära relationer, hedersrelaterat våld och förtryck samt äldre invånare',
    text: 'Insatser för att öka medvetenheten om, förebygga och bekämpa våld i nära relationer och hedersrelaterat våld och förtryck ska fortsätta att utvecklas. Samtidigt läggs särskilt fokus på att stärka seniorers och äldres trygghet i hemmet, genom ett särskilt fokus på att identifiera boendeformer för äldre invånare som är för sjuka för att vara hemma och för friska för att vara på sjukhus, samt genom riktade förebyggande insatser avseende fallolyckor och bränder. Ett fokus under året är också att öka antalet utbildade handläggare inom just trygghet i hemmet. Allmänna insatser för ökad trygghet och säkerhet i hemmiljön inriktas mot att stärka invånarnas egen förmåga till skydd mot olyckor och en god hemberedskap.',
    boardText:
      'Antal platser på trygghetsboenden är något som kontoret kommer ha uppsikt över under 2025 då en plats på ett trygghetsboende är ett boende som passar de äldre som vill ha tillgång till större gemenskap och ökad trygghet.',
  },
  {
    number: '3.3',
    title: 'Säkerställa en god kommunal servicenivå även vid störningar och kriser',
    text: 'Norrtälje kommun ska fortsätta att utveckla kommunens motståndskraft och krishanteringsförmåga. Oavsett hur framtida samhällsstörningarna ter sig ska kommunen flexibelt, resursstarkt och uthålligt stå emot och hantera dem i syfte att säkerställa god kommunal service. Grunden till god beredskap att hantera samhällsstörningar skapas i vardagen genom systematisk riskhantering i kombination med kontinuitetshantering i kommunens verksamheter. Särskilt ska förmågan till skadeavhjälpande och trygghetsskapande insatser vid olyckor och kriser samt kriskommunikation säkras och stärkas.\n\nUppbyggnad av kontinuitetssäkerheten i verksamheterna utgör en väsentlig del av kommunens förstärkning av totalförsvaret för att skydda och värna individens trygghet och säkerhet, samhällets grundläggande värden, samhällets funktionalitet samt miljö och egendom i vardag, kris och krig.',
    boardText:
      'Vid en kris är det vitalt att kommunens medarbetare har adekvat utbildning för att fortsatt utföra sitt uppdrag. Fokusområden under 2025 för kommunstyrelsekontoret är att fortsätta utbildningen för kommunens medarbetare inom bland annat informationssäkerhet och första hjälpen.',
  },
  {
    number: '4.1',
    title: 'Skapa förutsättningar för höjda kunskapsresultat',
    text: 'För att höja kunskapsresultaten i skolan är två saker avgörande: studiero och en positiv arbetsmiljö samt duktiga, engagerade lärare. Därför fortsätter arbetet för stärkta kunskapsresultat på åtgärder för elevernas arbetsmiljö, fler behöriga lärare och en fortsättning på satsningar i syfte att möjliggöra för lärare att fokusera på sitt pedagogiska uppdrag och öka den tid de lägger på undervisning. Det systematiska kvalitetsarbetet är också centralt för att nå framsteg i denna del.',
    boardText: 'Kommunstyrelsekontoret har inga uppdrag eller indikatorer kopplade till detta inriktningsmål.',
  },
  {
    number: '4.2',
    title: 'Öka tryggheten och trivseln i skolan',
    text: 'Det ska vara en självklarhet att känna sig trygg och trivas i skolan. Därför ska det råda nolltolerans mot brottslighet, våld, diskriminering, förtryck och trakasserier i skolan och därför ska det psykosociala stödet till barn och unga stärkas, bland annat genom flera satsningar på elevhälsan. Arbetet med fler trygghetskameror på skolorna fortsätter.',
    boardText:
      'Kommunstyrelsekontoret har inga uppdrag eller indikatorer kopplade till detta inriktningsmål men arbetet under målområde 3 går även in under detta inriktningsmål.',
  },
  {
    number: '4.3',
    title: 'Skapa en stödjande, uppmuntrande läromiljö',
    text: 'Skolan ska i högre grad anpassas efter det enskilda barnets förutsättningar och elevers stödbehov. Det innebär exempelvis att fler elever ska kunna erbjudas plats i resursklass och att särbegåvade elever ska erhålla särskilt stöd. En särskild satsning görs även på upprustning av skolgårdar och skol- och förskolelokaler med ambitionen att uppmuntra till ökad fysisk rörelse samt även höja trivseln vid undervisning i klassrummen.',
    boardText: 'Kommunstyrelsekontoret har inga uppdrag eller indikatorer kopplade till detta inriktningsmål.',
  },
  {
    number: '5.1',
    title: 'Minska klimatpåverkan',
    text: 'Norrtälje kommun som organisation ska vara ett klimatmässigt föredöme och en fossilfri organisation till 2030. Kommunen tar även ansvar för minskning av sina konsumtionsbaserade utsläpp genom god kravställning för upphandlad verksamhet och ökad uppföljning. I syfte att underlätta för invånarna att välja klimatsmarta transportsätt i vardagen fortsätter samtidigt arbetet med att främja utbyggnaden av gång- och cykelvägar i hela kommunen och arbete för att tillsammans med regionen utveckla kollektivtrafiken.',
    boardText:
      'Kommunstyrelsekontoret fortsätter arbetet med att sänka utsläpp, minska växthusgaser samt höja andelen fossilbränslefria tjänstefordon. Ökad installerad effekt (kWh) från solcellsanläggningar inom kommunens fastigheter är ytterligare en sak kontoret arbetar med för att nå målet om fossilfri organisation 2030.',
  },
  {
    number: '5.2',
    title: 'Effektivare användning av energi, material och näringsämnen och högre grad av återbruk och återvinning',
    text: 'Norrtälje kommuns arbete ska möjliggöra för energi, material och näringsämnen att ingå i kretslopp. Norrtälje kommun ska bland annat arbeta för minskad energianvändning och ökad energiåtervinning. Insatser görs för att åstadkomma ökad energieffektivisering i kommunala fastighetslokaler. Avfallsmängder som inte kan nyttiggöras ska minskas genom smarta materialval, återbruk och återvinning.',
    boardText: 'Kommunstyrelsekontoret har ingen måluppföljning under inriktningsmålet.',
  },
  {
    number: '5.3',
    title: 'Ökad klimatanpassning och god beredskap för viktiga samhällsfunktioner',
    text: 'Norrtälje kommun ska vara en robust kommun med god beredskap för klimatförändringarnas olika konsekvenser.',
    boardText: 'Kommunstyrelsekontoret har inga uppdrag eller indikatorer kopplade till detta inriktningsmål.',
  },
  {
    number: '6.1',
    title: 'Främja växande företag och få till stånd fler företagsetableringar som skapar arbetstillfällen',
    text: 'För att främja befintliga företagstillväxt och nya företagsetableringar i Norrtälje kommun utvecklas arbetet med regelförenklingar och en förbättrad regeltillämpning i kommunens relation till företag. Samtidigt fortsätter ansträngningarna att stärka Norrtälje kommuns arbete med matchning av företag med potentiell arbetskraft, liksom med att främja entreprenörskap och främjande av nya företagsetableringar.',
    boardText:
      'Kommunens näringslivskontor är en viktig och sammanhållande aktör för kommunens arbete med att göra Norrtälje kommun till en attraktiv plats för företag och entreprenörskap. Landsbygd- och skärgårdsturismen är en viktig del av Norrtälje som besökskommun och en inriktning under året för kommunstyrelsekontoret. Företagsstödet är i fokus under målområdet med flertalet aktiviteter.',
  },
  {
    number: '6.2',
    title: 'Aktivt verka för att förbättra transportinfrastrukturen och påskynda bredbandsutbyggnaden i kommunen',
    text: 'Bredbandsutbyggnad eller andra likvärdigt tekniska lösningar är centralt för ett livskraftigt näringsliv på landsbygden och i skärgården, liksom en hygienfaktor för befintlig företagstillväxt och i arbetet med att locka företagsetableringar till kommunen. Under 2025 fortsätter därför ytterligare en förstärkt satsning för att påskynda bredbandsutbyggnaden i kommunen, genom nära samverkan med Norrtälje Energi AB, som ges i uppdrag att accelerera investeringstakten bland annat med stöd av sänkt avkastningskrav i ägardirektiven. Med utgångspunkt i den fastslagna bredbandsstrategin ska byggnation möjliggöras i områden där marknaden själv ej lyckats, bland annat genom ett särskilt investeringsstöd till lokala byanät med kapacitet att kostnadseffektivt bygga robusta nät på platser där det saknas kommersiella marknadsförutsättningar för utbyggnad. För att möjliggöra fortsatt bredbandsutbyggnad i enlighet med bredbandsmålen så effektivt som möjligt, behöver Norrtälje kommun tillsammans med Norrtälje Energi AB skapa förutsättningar för att ansluta även de hushåll som ej bedöms kunna byggas ut av externa operatörer på grund av bristande lönsamhet. Det kräver en nära dialog med kommunen som ägare om hur fler anslutningar bäst kan komma tillstånd.',
    boardText:
      'Bredband är vitalt för invånare och företagare för att utvecklas och skapa tillväxt. Kommunstyrelsekontoret och kommunens bolag verkar för att kommunen ska nå bredbandsmålen genom att bygga ut fibernätet, inte minst på landsbygden.',
  },
  {
    number: '6.3',
    title:
      'Utveckla Norrtälje som besökskommun och aktivt skapa förutsättningar för ytterligare utveckling av landsbygds- och skärgårdsturismen',
    text: 'Det av fullmäktige beslutade landsbygds- och skärgårdsutvecklingsprogrammet med tillhörande handlingsplan ska genomföras och kommuniceras. Till de prioriterade åtgärderna under 2025 hör att med utgångspunkt i den kommande destinationsstrategin ta fram en handlingsplan som stärker kommunens arbete med att utveckla landsbygds- och skärgårdsturismen. Möjliggörandet av småskaliga avloppsanläggningar, där man också tar hänsyn till skärgårdens specifika förutsättningar, kvarstår som en prioriterad inriktning. Utbyggnaden av gång- och cykelvägar är ett uppdrag som knyter an till detta inriktningsmål, liksom till målområde 5.',
    boardText:
      'Att utveckla både skärgård och landsbygd samt en ökad turistnärvaro är delar för att Norrtälje kommun fortsatt ska vara levande. Även öka andelen lokalproducerade varor inom kommunen är ett prioriterat område under 2025. Stort fokus under 2025 är att fortsatt driva turistverksamheten i egen regi och fortsatt arbeta med att utveckla besöksnäringen i kommunen.',
  },
  {
    number: '7.1',
    title: 'Främja egenförsörjning och integration',
    text: 'En central målsättning i integrationsarbetet är att genom bättre samordning mellan olika aktörer i samhällets ansvarskedja och i nära samverkan med näringslivet identifiera möjligheter till utökade praktikplatser, jobb och utvecklingsmöjligheter för nyanlända, i syfte att förkorta tiden till egenförsörjning, samtidigt som personer med utländsk bakgrund som står långt från arbetsmarknaden är en viktig målgrupp. Nära samarbete mellan socialtjänst, arbetsförmedling och vuxenutbildningen är en framgångsfaktor för både nyanlända och vuxna utan gymnasiekompetens. För att ge bästa möjliga förutsättningar till att kunna förverkliga sina drömmar och integreras i samhället, är det viktigt att bli välinformerad om både rättigheter och skyldigheter och vad som förväntas av en för att nå en smidig integrering.',
    boardText:
      'Integrationsstrategin med tillhörande handlingsplaner ska följas upp och uppdateras är ett uppdrag som kommunstyrelsekontoret har fått och kommer arbeta med. Ett annat område som det kommer arbetas med är att minska utanförskapsområden genom att ta fram en långsiktig plan för nyanlända och dess bostadsplacering.',
  },
  {
    number: '7.2',
    title: 'Skapa förutsättningar för kultur- och fritidsaktiviteter som främjar ökad livskvalitet',
    text: 'Genom att stödja och främja kultur-, idrotts- och friluftslivet ska kommunen bidra till att skapa förutsättningar för livskvalitet, personlig utveckling och en attraktiv livsmiljö i hela kommunen. Arbetet med att utveckla jämställda föreningsbidrag/kultur- och fritidsaktiviteter fortsätter under 2025. Stödet fortsätter till ideella föreningar som aktivt arbetar med värdegrundsfrågor och stödjer kultur- och fritidsverksamheter, med särskild prioritering av verksamheter som riktar sig till barn och unga, personer med funktionsnedsättning och pensionärer.',
    boardText: 'Kommunstyrelsekontoret har inga uppdrag eller indikatorer kopplade till detta inriktningsmål.',
  },
  {
    number: '7.3',
    title: 'Rätt insats ska ges i rätt tid och av rätt aktör',
    text: 'Inom det breda kommunala uppdraget finns det många alternativa insatser som kan sättas in i olika situationer och som påverkar invånarens livskvalitet, egenmakt och möjlighet till egen försörjning. Det är avgörande att såväl insats, tidpunkt och aktören är rätt, för att effekten ska bli den förväntade. För att det ska bli bästa möjliga effekt är det viktigt att göra rätt bedömning för vad som är rätt i varje enskilt fall.',
    boardText:
      'Ett uppdrag har tilldelats kommunstyrelsen "Utreda förutsättningarna för en gemensam bostadskö med privata fastighetsägare för att möta socialtjänstens behov av bostäder". Detta är ett viktigt uppdrag och en viktig insats för kommunens invånare.',
  },
];
