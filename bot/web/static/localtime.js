// Shows a meetup's time in the viewer's own zone next to the city's time. The page reads
// fine without it: the city's time is in the HTML.
(function () {
  "use strict";
  var when = document.querySelector("time[data-local]");
  var out = document.getElementById("local-time");
  if (!when || !out || !window.Intl) { return; }
  var instant = new Date(when.getAttribute("datetime"));
  if (isNaN(instant.getTime())) { return; }
  var format = new Intl.DateTimeFormat(undefined, {
    weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit",
    timeZoneName: "short"
  });
  out.textContent = "Your time: " + format.format(instant);
  out.hidden = false;
})();
