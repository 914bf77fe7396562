package dev.bridle.bench.corpus;

import java.util.List;

/**
 * The base posts of the duplicate-detection corpus: the templates real bots post from, each with several rows of facts.
 * A template filled with one row is a base post; filled with another row it is an honest templated post with different
 * facts, which must not count as a duplicate.
 */
final class Templates {

    private Templates() {}

    /**
     * One template.
     *
     * @param category what kind of bot posts it
     * @param pattern the text, with {@code {slot}} placeholders
     * @param slots the slot names, in row order
     * @param facts the slots that carry facts (versions, dates, scores, places, names)
     * @param rows one array of slot values per base post
     */
    record Template(String category, String pattern, List<String> slots, List<String> facts, List<List<String>> rows) {

        String fill(List<String> row) {
            String text = pattern;
            for (int i = 0; i < slots.size(); i++) {
                text = text.replace("{" + slots.get(i) + "}", row.get(i));
            }
            if (text.contains("{") || text.contains("\t")) {
                throw new IllegalStateException("unfilled slot or tab in " + text);
            }
            return text;
        }
    }

    private static Template t(String category, String pattern, String slots, String facts, String... rows) {
        return new Template(
                category,
                pattern,
                List.of(slots.split(",")),
                List.of(facts.split(",")),
                java.util.Arrays.stream(rows)
                        .map(r -> List.of(r.split("\\|", -1)))
                        .toList());
    }

    static final List<Template> ALL = List.of(
            // release notes
            t(
                    "release",
                    "Acme {version} is out: {feature}. Full notes: {url}",
                    "version,feature,url",
                    "version,feature",
                    "2.3.0|shared workspaces for teams of up to 50 people|https://acme.io/releases/2.3.0",
                    "2.4.0|offline editing with conflict-free merges|https://acme.io/releases/2.4.0",
                    "2.5.0|a plugin API and search that is twice as fast|https://acme.io/releases/2.5.0",
                    "2.5.1|a fix for the crash when importing large CSV files|https://acme.io/releases/2.5.1",
                    "3.0.0|a redesigned editor, dark mode and keyboard shortcuts everywhere|https://acme.io/releases/3.0.0"),
            t(
                    "release",
                    "🚀 {product} v{version} released! What's new: {feature}. Upgrade today with {cmd}",
                    "product,version,feature,cmd",
                    "version,feature",
                    "Tern|1.8|streaming responses and a smaller install|pip install -U tern",
                    "Tern|1.9|Python 3.13 support and faster cold starts|pip install -U tern",
                    "Gullwing|0.12|Windows support and a new config format|npm i -g gullwing",
                    "Gullwing|0.13|plugin sandboxing and clearer error messages|npm i -g gullwing",
                    "Osprey|4.2|ARM64 builds and a 30% smaller memory footprint|brew upgrade osprey"),
            t(
                    "release",
                    "Security update: {product} {version} fixes {cve} ({severity} severity). Please update as soon as possible.",
                    "product,version,cve,severity",
                    "product,version,cve",
                    "Tern|1.9.2|CVE-2026-31337|high",
                    "Gullwing|0.13.4|CVE-2026-28810|critical",
                    "Osprey|4.2.1|CVE-2026-40112|medium",
                    "Acme|3.0.2|CVE-2026-11873|high",
                    "Kestrel|7.1.5|CVE-2026-20551|low"),
            // weather
            t(
                    "weather",
                    "⚠️ {kind} warning for {area} until {time} {tz}. {advice} #wx",
                    "kind,area,time,tz,advice",
                    "kind,area,time",
                    "Severe thunderstorm|Suffolk County|9:45 PM|EDT|Move indoors and stay away from windows.",
                    "Flash flood|Travis County|11:30 PM|CDT|Turn around, don't drown.",
                    "Tornado|Tulsa County|6:15 PM|CDT|Take shelter in an interior room on the lowest floor.",
                    "Winter storm|Denver metro|6:00 AM|MST|Avoid travel if you can.",
                    "Red flag|Los Angeles County|8:00 PM|PDT|Avoid outdoor burning and report smoke to 911."),
            t(
                    "weather",
                    "Heat advisory for {city} from {start} to {end} {day}. Highs near {temp}°F. Drink water and "
                            + "check on elderly neighbors.",
                    "city,start,end,day,temp",
                    "city,start,day,temp",
                    "Phoenix|10 AM|8 PM|Tuesday|112",
                    "Las Vegas|11 AM|9 PM|Wednesday|110",
                    "Sacramento|noon|7 PM|Thursday|104",
                    "Dallas|1 PM|8 PM|Friday|106",
                    "St. Louis|11 AM|7 PM|Saturday|101"),
            t(
                    "weather",
                    "{city} forecast for {day}: {cond}, high of {hi}°, low of {lo}°. Chance of rain {pct}%.",
                    "city,day,cond,hi,lo,pct",
                    "city,day,hi,pct",
                    "Seattle|Monday|light rain and clouds|58|47|80",
                    "Boston|Tuesday|sunny and breezy|71|55|10",
                    "Chicago|Wednesday|scattered storms|79|63|60",
                    "Miami|Thursday|hot and humid|91|78|40",
                    "Denver|Friday|clear skies|66|41|0"),
            t(
                    "weather",
                    "Air quality alert for {city} on {date}: AQI {aqi} ({level}). Limit time outdoors if you have asthma or heart disease.",
                    "city,date,aqi,level",
                    "city,date,aqi",
                    "Salt Lake City|July 14|162|unhealthy",
                    "Fresno|August 2|155|unhealthy",
                    "Houston|June 21|128|unhealthy for sensitive groups",
                    "Spokane|September 3|201|very unhealthy",
                    "Atlanta|July 30|112|unhealthy for sensitive groups"),
            // events
            t(
                    "event",
                    "Join us at {venue} in {city} on {date} at {time} for {event}! Free entry, RSVP: {url}",
                    "venue,city,date,time,event,url",
                    "venue,city,date,time,event",
                    "the Riverside Library|Portland|March 12|6 PM|an evening of local authors|https://events.io/r/8812",
                    "Union Hall|Brooklyn|April 3|7:30 PM|our spring open mic|https://events.io/r/9051",
                    "the Tech Hub|Austin|May 18|5 PM|a hands-on intro to Rust|https://events.io/r/9120",
                    "Mill City Museum|Minneapolis|June 7|10 AM|a family science morning|https://events.io/r/9377",
                    "the Civic Center|Raleigh|July 22|6:30 PM|a town hall on transit|https://events.io/r/9408"),
            t(
                    "event",
                    "Reminder: {event} starts {when}. Doors open at {time}. See you there! #{tag}",
                    "event,when,time,tag",
                    "event,when,time",
                    "PyCon Lisbon|tomorrow|8:30 AM|PyConPT",
                    "the Harvest Fair|this Saturday|9 AM|HarvestFair",
                    "the Night Market|tonight|6 PM|NightMarket",
                    "the Maker Faire|on Sunday|10 AM|MakerFaire",
                    "Jazz in the Park|on Friday|5:30 PM|JazzInThePark"),
            t(
                    "event",
                    "Tickets for {event} on {date} go on sale {saleday} at {saletime}. Get yours: {url}",
                    "event,date,saleday,saletime,url",
                    "event,date,saleday,saletime",
                    "The Lumineers at Red Rocks|August 14|Friday|10 AM MT|https://tix.io/e/5521",
                    "Hamilton at the Orpheum|October 2|Monday|9 AM CT|https://tix.io/e/5634",
                    "Mitski at the Greek Theatre|September 9|Thursday|noon PT|https://tix.io/e/5702",
                    "the Boston Marathon expo|April 17|Wednesday|8 AM ET|https://tix.io/e/5790",
                    "Cirque du Soleil in Montreal|July 5|Tuesday|11 AM ET|https://tix.io/e/5811"),
            t(
                    "event",
                    "Webinar on {date} at {time} UTC: {speaker} on {topic}. Register free at {url} #{tag}",
                    "date,time,speaker,topic,url,tag",
                    "date,time,speaker,topic",
                    "May 6|16:00|Priya Natarajan|scaling Postgres without tears|https://acme.io/webinars/41|webinar",
                    "May 20|15:00|Tom Okafor|testing event-driven systems|https://acme.io/webinars/42|webinar",
                    "June 3|17:00|Lena Fischer|accessibility audits in practice|https://acme.io/webinars/43|webinar",
                    "June 17|14:00|Marco Rossi|observability on a budget|https://acme.io/webinars/44|webinar",
                    "July 1|16:30|Aiko Tanaka|designing APIs people enjoy|https://acme.io/webinars/45|webinar"),
            // promotions
            t(
                    "promo",
                    "Flash sale! {pct}% off all {item} until {day} midnight. Use code {code} at checkout: {url}",
                    "pct,item,day,code,url",
                    "pct,item,day,code",
                    "30|running shoes|Sunday|RUN30|https://shop.io/sale/run",
                    "25|rain jackets|Monday|DRY25|https://shop.io/sale/rain",
                    "40|yoga mats|Friday|FLEX40|https://shop.io/sale/yoga",
                    "20|camping tents|Saturday|CAMP20|https://shop.io/sale/camp",
                    "50|winter boots|Tuesday|SNOW50|https://shop.io/sale/boots"),
            t(
                    "promo",
                    "Free shipping on orders over ${amt} this weekend only. Shop the {collection} collection now: {url} #deals #shopping",
                    "amt,collection,url",
                    "amt,collection",
                    "35|spring|https://shop.io/c/spring",
                    "50|back to school|https://shop.io/c/school",
                    "25|holiday gift|https://shop.io/c/gifts",
                    "40|outdoor living|https://shop.io/c/outdoor",
                    "60|home office|https://shop.io/c/office"),
            t(
                    "promo",
                    "Buy one {item}, get one free at all {store} locations through {date}. While supplies last!",
                    "item,store,date",
                    "item,store,date",
                    "large pizza|Tony's|Sunday",
                    "iced coffee|Bean There|May 31",
                    "burrito|Casa Verde|Friday",
                    "smoothie|Blend Bar|June 15",
                    "bagel|Early Bird|Saturday"),
            t(
                    "promo",
                    "New in store: {product}, now {price} (was {old}). Limited stock, order today 👉 {url}",
                    "product,price,old,url",
                    "product,price,old",
                    "the Trailblazer 2 backpack|$89|$119|https://shop.io/p/trailblazer-2",
                    "the Aurora desk lamp|$39|$55|https://shop.io/p/aurora-lamp",
                    "the Cirrus rain shell|$129|$160|https://shop.io/p/cirrus-shell",
                    "the Nomad travel mug|$19|$28|https://shop.io/p/nomad-mug",
                    "the Summit hiking poles|$65|$90|https://shop.io/p/summit-poles"),
            // replies
            t(
                    "reply",
                    "Thanks for the mention, @{user}! {extra}",
                    "user,extra",
                    "extra",
                    "ann_k|Release notes live at https://acme.io/releases",
                    "bobby_t|Tell us what you would like in the next release!",
                    "carla_m|Our docs are at https://docs.acme.io if you get stuck.",
                    "dev_dan|Glad the new sync engine works for you.",
                    "eve_writes|We read every suggestion, so keep them coming."),
            t(
                    "reply",
                    "@{user} thank you so much for the kind words about {product}! {extra}",
                    "user,product,extra",
                    "product,extra",
                    "ann_k|Acme Sync|It made our week.",
                    "bobby_t|the Tern CLI|We will pass them on to the team.",
                    "carla_m|Osprey 4.2|The ARM64 build took us months.",
                    "dev_dan|our Discord community|See you in there!",
                    "eve_writes|the Gullwing docs|Our writers will be thrilled."),
            t(
                    "reply",
                    "Thank you for reporting this, @{user}. We opened ticket {ticket} and will update you within {hours} hours.",
                    "user,ticket,hours",
                    "ticket,hours",
                    "ann_k|#4821|24",
                    "bobby_t|#4907|48",
                    "carla_m|#5012|12",
                    "dev_dan|#5100|72",
                    "eve_writes|#5133|6"),
            // sports
            t(
                    "sports",
                    "FINAL: {home} {hs}, {away} {as}. {player} led all scorers with {pts} points. #{tag}",
                    "home,hs,away,as,player,pts,tag",
                    "home,hs,away,as,player,pts",
                    "Celtics|112|Knicks|104|Jayson Tatum|34|NBA",
                    "Suns|101|Lakers|99|Devin Booker|31|NBA",
                    "Bucks|120|Heat|115|Giannis Antetokounmpo|38|NBA",
                    "Kings|122|Warriors|118|De'Aaron Fox|35|NBA",
                    "Nuggets|109|Jazz|97|Nikola Jokic|29|NBA"),
            t(
                    "sports",
                    "Halftime in {city}: the {home} lead the {away} {hs}-{as}. {note}",
                    "city,home,away,hs,as,note",
                    "city,home,away,hs,as",
                    "Green Bay|Packers|Bears|17|3|Two touchdown passes for Love so far.",
                    "Kansas City|Chiefs|Raiders|14|10|Mahomes has 180 yards through the air.",
                    "Seattle|Seahawks|49ers|7|21|San Francisco has scored on every drive.",
                    "Buffalo|Bills|Dolphins|24|17|A wild first half in the snow.",
                    "Dallas|Cowboys|Eagles|10|10|Both defenses are holding firm."),
            t(
                    "sports",
                    "GOAL! {player} scores for {team} in the {min}th minute. {team} {s1}-{s2} {opp}.",
                    "player,team,min,s1,s2,opp",
                    "player,team,min,s1,s2,opp",
                    "Saka|Arsenal|34|1|0|Chelsea",
                    "Salah|Liverpool|67|2|1|Everton",
                    "Haaland|Man City|12|1|0|Spurs",
                    "Son|Spurs|88|2|2|Newcastle",
                    "Palmer|Chelsea|45|1|1|Villa"),
            // transit and service status
            t(
                    "status",
                    "{line} Line: delays of about {min} minutes between {a} and {b} due to {cause}. Consider alternate routes.",
                    "line,min,a,b,cause",
                    "line,min,a,b,cause",
                    "Red|15|Harvard|Park Street|a disabled train",
                    "Blue|20|Airport|Aquarium|a signal problem",
                    "Green|10|Kenmore|Copley|police activity",
                    "Orange|25|Oak Grove|Sullivan Square|a track fire",
                    "Yellow|12|Fort Totten|Gallery Place|a medical emergency"),
            t(
                    "status",
                    "Scheduled maintenance: {service} will be unavailable on {date} from {start} to {end} UTC. Thanks for your patience.",
                    "service,date,start,end",
                    "service,date,start,end",
                    "the Acme dashboard|March 3|02:00|04:00",
                    "the public API|March 10|01:00|01:30",
                    "single sign-on|March 17|03:00|05:00",
                    "the billing portal|March 24|00:00|02:00",
                    "file uploads|March 31|04:00|04:45"),
            t(
                    "status",
                    "Service restored: {service} is back to normal as of {time} UTC. Sorry for the trouble!",
                    "service,time",
                    "service,time",
                    "the Acme dashboard|14:32",
                    "the public API|09:05",
                    "single sign-on|22:48",
                    "the billing portal|06:17",
                    "file uploads|18:40"),
            t(
                    "status",
                    "Incident update {time} UTC: we are investigating elevated error rates on {service} in {region}. "
                            + "Next update in {n} minutes.",
                    "time,service,region,n",
                    "time,service,region,n",
                    "10:15|the public API|us-east-1|30",
                    "13:40|webhooks|eu-west-1|20",
                    "16:05|search|ap-southeast-2|15",
                    "19:30|the Acme dashboard|us-west-2|45",
                    "21:55|file uploads|eu-central-1|60"),
            // daily and digest bots
            t(
                    "daily",
                    "Good morning, {city}! Today is {day}, {date}. Sunrise at {sunrise}, sunset at {sunset}. Have a great day ☀️",
                    "city,day,date,sunrise,sunset",
                    "city,day,date,sunrise,sunset",
                    "Boston|Monday|June 2|5:09 AM|8:15 PM",
                    "Austin|Tuesday|June 3|6:29 AM|8:30 PM",
                    "Denver|Wednesday|June 4|5:32 AM|8:25 PM",
                    "Portland|Thursday|June 5|5:24 AM|8:57 PM",
                    "Miami|Friday|June 6|6:29 AM|8:12 PM"),
            t(
                    "daily",
                    "Daily digest for {date}: {n} new posts on {topic}. Top story: {headline} {url}",
                    "date,n,topic,headline,url",
                    "date,n,topic,headline",
                    "May 4|12|climate|Ocean heat hits a record for the 14th month|https://digest.io/d/0504",
                    "May 5|9|space|A second crew lands at the lunar south pole|https://digest.io/d/0505",
                    "May 6|15|AI|Open models close the gap on coding benchmarks|https://digest.io/d/0506",
                    "May 7|7|health|A cheaper malaria vaccine gets approval|https://digest.io/d/0507",
                    "May 8|11|energy|Solar passes coal in the EU for the first time|https://digest.io/d/0508"),
            t(
                    "daily",
                    "{coin} is trading at ${price} ({change}% in 24h). 24h volume: ${vol}M. #crypto #{tag}",
                    "coin,price,change,vol,tag",
                    "coin,price,change,vol",
                    "Bitcoin|67,412|+2.1|31,204|BTC",
                    "Ethereum|3,518|-0.8|14,877|ETH",
                    "Solana|148.22|+5.4|2,941|SOL",
                    "Cardano|0.46|-1.9|412|ADA",
                    "Dogecoin|0.158|+11.3|1,887|DOGE"),
            t(
                    "daily",
                    "Uptime report for {month}: {svc} was up {up}% with {n} incidents. Full report: {url}",
                    "month,svc,up,n,url",
                    "month,svc,up,n",
                    "January|the public API|99.98|2|https://status.acme.io/r/2026-01",
                    "February|webhooks|99.91|4|https://status.acme.io/r/2026-02",
                    "March|the dashboard|100.00|0|https://status.acme.io/r/2026-03",
                    "April|search|99.87|5|https://status.acme.io/r/2026-04",
                    "May|file uploads|99.95|1|https://status.acme.io/r/2026-05"),
            t(
                    "daily",
                    "Fact of the day: {fact}",
                    "fact",
                    "fact",
                    "Octopuses have three hearts and blue blood.",
                    "Honey found in ancient Egyptian tombs was still edible.",
                    "A day on Venus is longer than its year.",
                    "Bananas are berries, but strawberries are not.",
                    "The Eiffel Tower grows about 15 cm taller in summer."),
            t(
                    "daily",
                    "New job posted: {title} at {company} in {city} ({mode}). Salary {salary}. Apply: {url} #hiring #jobs",
                    "title,company,city,mode,salary,url",
                    "title,company,city,mode,salary",
                    "Senior Backend Engineer|Acme|Berlin|hybrid|€85k-€105k|https://jobs.io/j/1201",
                    "Product Designer|Tern Labs|Toronto|remote|CA$95k-CA$120k|https://jobs.io/j/1202",
                    "Data Analyst|Osprey|Chicago|on-site|$78k-$92k|https://jobs.io/j/1203",
                    "Site Reliability Engineer|Gullwing|Dublin|hybrid|€90k-€115k|https://jobs.io/j/1204",
                    "Technical Writer|Kestrel|Austin|remote|$70k-$88k|https://jobs.io/j/1205"),
            t(
                    "daily",
                    "Road closure: {road} between {a} and {b} is closed {when} for {reason}. Use {detour} instead.",
                    "road,a,b,when,reason,detour",
                    "road,a,b,when,detour",
                    "Main Street|1st Avenue|4th Avenue|until 6 PM|a water main repair|Elm Street",
                    "Route 9|Exit 12|Exit 14|overnight|bridge inspection|Route 20",
                    "Harbor Drive|Pier 3|Pier 7|this weekend|the marathon|Bay Road",
                    "Oak Lane|Maple Court|Cedar Way|through Friday|paving|Pine Street",
                    "I-5 northbound|Mercer Street|Denny Way|from 11 PM to 5 AM|lane striping|Aurora Avenue"));

    /**
     * Hand-written near-duplicates that no single transform makes: reworded, reordered and shortened copies, as a
     * spammer rewriting by hand would post them. Labelled DUPLICATE.
     */
    static final List<List<String>> PARAPHRASES = List.of(
            List.of(
                    "Flash sale! 30% off all running shoes until Sunday midnight. Use code RUN30 at checkout: https://shop.io/sale/run",
                    "Flash sale: all running shoes are 30% off until Sunday at midnight, use code RUN30 at checkout "
                            + "https://shop.io/sale/run"),
            List.of(
                    "Acme 2.4.0 is out: offline editing with conflict-free merges. Full notes: https://acme.io/releases/2.4.0",
                    "Acme 2.4.0 is out now, with offline editing and conflict-free merges. Notes: https://acme.io/releases/2.4.0"),
            List.of(
                    "Heat advisory for Phoenix from 10 AM to 8 PM Tuesday. Highs near 112°F. Drink water and check on elderly neighbors.",
                    "Heat advisory for Phoenix Tuesday from 10 AM to 8 PM, highs near 112°F. Drink plenty of water "
                            + "and check on your elderly neighbors."),
            List.of(
                    "Join us at Union Hall in Brooklyn on April 3 at 7:30 PM for our spring open mic! Free entry, "
                            + "RSVP: https://events.io/r/9051",
                    "Our spring open mic is at Union Hall in Brooklyn on April 3 at 7:30 PM! Entry is free, RSVP: "
                            + "https://events.io/r/9051"),
            List.of(
                    "Buy one large pizza, get one free at all Tony's locations through Sunday. While supplies last!",
                    "Buy a large pizza and get one free at every Tony's location through Sunday, while supplies last!"),
            List.of(
                    "Scheduled maintenance: the public API will be unavailable on March 10 from 01:00 to 01:30 UTC. "
                            + "Thanks for your patience.",
                    "Heads up: scheduled maintenance on March 10, 01:00 to 01:30 UTC. The public API will be "
                            + "unavailable. Thanks for your patience!"),
            List.of(
                    "Red Line: delays of about 15 minutes between Harvard and Park Street due to a disabled train. "
                            + "Consider alternate routes.",
                    "Red Line delays of about 15 minutes between Harvard and Park Street because of a disabled "
                            + "train. Consider other routes."),
            List.of(
                    "FINAL: Celtics 112, Knicks 104. Jayson Tatum led all scorers with 34 points. #NBA",
                    "Final score: Celtics 112, Knicks 104 #NBA. Jayson Tatum led all scorers, 34 points."),
            List.of(
                    "Free shipping on orders over $50 this weekend only. Shop the back to school collection now: "
                            + "https://shop.io/c/school #deals #shopping",
                    "This weekend only: free shipping on orders over $50! Shop our back to school collection now "
                            + "https://shop.io/c/school #shopping #deals"),
            List.of(
                    "Reminder: the Harvest Fair starts this Saturday. Doors open at 9 AM. See you there! #HarvestFair",
                    "Don't forget: the Harvest Fair starts this Saturday, doors open at 9 AM. See you there! #HarvestFair"),
            List.of(
                    "Thank you for reporting this, @dev_dan. We opened ticket #5100 and will update you within 72 hours.",
                    "Thanks for reporting this, @dev_dan! We opened ticket #5100 and will update you within 72 hours."),
            List.of(
                    "Security update: Gullwing 0.13.4 fixes CVE-2026-28810 (critical severity). Please update as soon as possible.",
                    "Critical security update: Gullwing 0.13.4 fixes CVE-2026-28810. Please update as soon as you can."),
            List.of(
                    "Good morning, Denver! Today is Wednesday, June 4. Sunrise at 5:32 AM, sunset at 8:25 PM. Have a great day ☀️",
                    "Good morning Denver ☀️ Today is Wednesday, June 4: sunrise at 5:32 AM and sunset at 8:25 PM. Have a great day!"),
            List.of(
                    "Bitcoin is trading at $67,412 (+2.1% in 24h). 24h volume: $31,204M. #crypto #BTC",
                    "#BTC Bitcoin is trading at $67,412, +2.1% in 24h, with 24h volume of $31,204M #crypto"),
            List.of(
                    "New in store: the Aurora desk lamp, now $39 (was $55). Limited stock, order today 👉 https://shop.io/p/aurora-lamp",
                    "Just in: the Aurora desk lamp, now only $39 (was $55). Stock is limited, order today https://shop.io/p/aurora-lamp"),
            List.of(
                    "Service restored: single sign-on is back to normal as of 22:48 UTC. Sorry for the trouble!",
                    "Single sign-on is back to normal as of 22:48 UTC. Service restored, sorry for the trouble!"),
            List.of(
                    "Road closure: Route 9 between Exit 12 and Exit 14 is closed overnight for bridge inspection. Use Route 20 instead.",
                    "Route 9 is closed overnight between Exit 12 and Exit 14 for a bridge inspection. Please use Route 20 instead."),
            List.of(
                    "Tickets for Hamilton at the Orpheum on October 2 go on sale Monday at 9 AM CT. Get yours: https://tix.io/e/5634",
                    "Hamilton at the Orpheum on October 2: tickets go on sale Monday at 9 AM CT! Get yours https://tix.io/e/5634"),
            List.of(
                    "Fact of the day: Octopuses have three hearts and blue blood.",
                    "Fun fact of the day: octopuses have blue blood and three hearts!"),
            List.of(
                    "Webinar on June 3 at 17:00 UTC: Lena Fischer on accessibility audits in practice. Register free "
                            + "at https://acme.io/webinars/43 #webinar",
                    "Free webinar June 3 at 17:00 UTC: Lena Fischer on accessibility audits in practice. Register at "
                            + "https://acme.io/webinars/43 #webinar"));

    /**
     * Hand-written hard negatives: same topic and mostly the same words, but a different message. Labelled DISTINCT.
     */
    static final List<List<String>> SAME_TOPIC_DIFFERENT_MESSAGE = List.of(
            List.of(
                    "Acme 2.4.0 is out: offline editing with conflict-free merges. Full notes: https://acme.io/releases/2.4.0",
                    "Acme 2.4.0 is delayed: offline editing needs more testing. We will post a new date soon."),
            List.of(
                    "Flash sale! 30% off all running shoes until Sunday midnight. Use code RUN30 at checkout: https://shop.io/sale/run",
                    "Our running shoe sale has ended. Thanks to everyone who shopped! Code RUN30 is no longer valid."),
            List.of(
                    "Service restored: the public API is back to normal as of 09:05 UTC. Sorry for the trouble!",
                    "Incident update 08:40 UTC: the public API is returning errors for some customers. We are on it."),
            List.of(
                    "Reminder: the Night Market starts tonight. Doors open at 6 PM. See you there! #NightMarket",
                    "The Night Market is cancelled tonight because of the storm. Refunds go out this week. #NightMarket"),
            List.of(
                    "Heat advisory for Dallas from 1 PM to 8 PM Friday. Highs near 106°F. Drink water and check on elderly neighbors.",
                    "The heat advisory for Dallas has expired. Cooler air arrives Friday night with highs in the 80s."),
            List.of(
                    "Join us at the Tech Hub in Austin on May 18 at 5 PM for a hands-on intro to Rust! Free entry, "
                            + "RSVP: https://events.io/r/9120",
                    "The Rust intro at the Tech Hub in Austin is full. Join the waitlist, or watch the recording next week."),
            List.of(
                    "FINAL: Bucks 120, Heat 115. Giannis Antetokounmpo led all scorers with 38 points. #NBA",
                    "Giannis Antetokounmpo is listed as questionable for tonight's game against the Heat with a sore knee. #NBA"),
            List.of(
                    "Thanks for the mention, @ann_k! Release notes live at https://acme.io/releases",
                    "Sorry to hear about the trouble, @ann_k. Could you send us your version number in a DM?"),
            List.of(
                    "Free shipping on orders over $35 this weekend only. Shop the spring collection now: "
                            + "https://shop.io/c/spring #deals #shopping",
                    "Returns are free for 60 days on everything in the spring collection. Details: https://shop.io/returns #shopping"),
            List.of(
                    "Scheduled maintenance: file uploads will be unavailable on March 31 from 04:00 to 04:45 UTC. "
                            + "Thanks for your patience.",
                    "Maintenance complete: file uploads are faster now, with resumable transfers for files over 1 GB."),
            List.of(
                    "Daily digest for May 6: 15 new posts on AI. Top story: Open models close the gap on coding "
                            + "benchmarks https://digest.io/d/0506",
                    "Weekly digest for May 4 to May 10: 54 new posts. Most read: Solar passes coal in the EU for the "
                            + "first time https://digest.io/w/19"),
            List.of(
                    "Road closure: Harbor Drive between Pier 3 and Pier 7 is closed this weekend for the marathon. Use Bay Road instead.",
                    "Harbor Drive is open again between Pier 3 and Pier 7. Thanks for your patience during the marathon."),
            List.of(
                    "Tornado warning for Tulsa County until 6:15 PM CDT. Take shelter in an interior room on the lowest floor.",
                    "The tornado warning for Tulsa County has been cancelled. The storm has weakened below warning criteria."),
            List.of(
                    "Uptime report for March: the dashboard was up 100.00% with 0 incidents. Full report: https://status.acme.io/r/2026-03",
                    "Our status page has moved to https://status.acme.io. Subscribe there for incident updates and monthly reports."),
            List.of(
                    "New job posted: Data Analyst at Osprey in Chicago (on-site). Salary $78k-$92k. Apply: "
                            + "https://jobs.io/j/1203 #hiring #jobs",
                    "The Data Analyst role at Osprey in Chicago has been filled. Thanks to everyone who applied! #hiring"),
            List.of(
                    "Tickets for Mitski at the Greek Theatre on September 9 go on sale Thursday at noon PT. Get "
                            + "yours: https://tix.io/e/5702",
                    "Mitski at the Greek Theatre on September 9 is sold out. Resale tickets are available through the venue only."),
            List.of(
                    "Buy one burrito, get one free at all Casa Verde locations through Friday. While supplies last!",
                    "Casa Verde is hiring cooks and cashiers at all locations. Apply in store through Friday!"),
            List.of(
                    "Good morning, Miami! Today is Friday, June 6. Sunrise at 6:29 AM, sunset at 8:12 PM. Have a great day ☀️",
                    "Good evening, Miami! Tonight is Friday, June 6. The moon rises at 1:02 PM and sets at 1:19 AM. Sleep well 🌙"),
            List.of(
                    "Ethereum is trading at $3,518 (-0.8% in 24h). 24h volume: $14,877M. #crypto #ETH",
                    "Ethereum network upgrade scheduled for block 21,000,000. Node operators should update clients. #crypto #ETH"),
            List.of(
                    "GOAL! Salah scores for Liverpool in the 67th minute. Liverpool 2-1 Everton.",
                    "Salah is substituted in the 67th minute with a hamstring problem. Liverpool 2-1 Everton."));
}
